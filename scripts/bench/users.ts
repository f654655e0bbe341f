/**
 * `count` distinct ids spread evenly over the population (the whole population when it has fewer): the users a
 * user-specific operation's requests rotate through. A count of 1 gives the first id, the one-user shape.
 */
export function rotation(population: readonly string[], count: number): string[] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`a rotation needs at least one user, got ${count}`);
  if (population.length === 0) throw new Error("a rotation needs a population to draw from");
  if (count >= population.length) return [...population];
  return Array.from({ length: count }, (_, k) => population[Math.floor((k * population.length) / count)]!);
}

/** The viewer of the i-th request: the rotation's ids in turn, so n requests in a row meet n distinct users. */
export function viewerAt(users: readonly string[], i: number): string {
  return users[i % users.length]!;
}
