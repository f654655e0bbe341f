import { GraphQLError, Lexer, Source, TokenKind } from "graphql";

/**
 * Counts the tokens of a GraphQL document the way graphql-js's `maxTokens` parse option does (comments excluded).
 * The request body limit bounds the work; a lexing error ends the count there (the parser reports it afterwards).
 */
export function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      count += 1;
    }
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
  }
  return count;
}
