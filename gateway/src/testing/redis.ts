/** Test fixture: the Redis the Redis halves of the gateway's tests use. Not part of the build. */
import { connect } from "node:net";

/** The Redis the Redis half of these tests uses: TEST_REDIS_URL, default the local one. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** True when Redis answers PING; with CI=true a silent Redis throws, as PostgreSQL does for the database tests. */
export async function requireRedisInCi(): Promise<boolean> {
  const answers = await redisAnswers();
  if (!answers && process.env.CI === "true") throw new Error(`Redis at ${TEST_REDIS_URL} is required when CI=true`);
  return answers;
}

function redisAnswers(): Promise<boolean> {
  const { hostname, port } = new URL(TEST_REDIS_URL);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.write("PING\r\n");
      socket.once("data", (data) => {
        socket.destroy();
        resolve(data.toString().startsWith("+PONG"));
      });
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}
