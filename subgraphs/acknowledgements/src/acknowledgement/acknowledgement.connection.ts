import { ObjectType } from "type-graphql";
import { connectionOf, cursorFormat } from "@portal-graph/subgraph-kit";
import { Acknowledgement } from "./acknowledgement.entity.js";

/** A page of a user's acknowledgements, most recently recorded first (Relay connection). */
@ObjectType({ description: "A page of a user's acknowledgements, most recently recorded first." })
export class AcknowledgementConnection extends connectionOf(Acknowledgement, { edge: "AcknowledgementEdge" }) {}

const CURSORS = cursorFormat("acknowledgements", ["int"]);

/** The cursor of an acknowledgement in a user's history: its id (the history is in recording order). */
export function acknowledgementCursor(acknowledgement: Acknowledgement): string {
  return CURSORS.encode([acknowledgement.id]);
}

/** The id inside an acknowledgements cursor; anything else is BAD_USER_INPUT naming `after`. */
export function decodeAcknowledgementCursor(after: string): number {
  return CURSORS.decode(after)[0];
}
