/** A refusal of the request itself (bad name, URL or input): the CLI's exit code 2, HTTP 400 or 404. */
export class RegistryInputError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = "RegistryInputError";
  }
}
