import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/** A phone number as the graph stores it: E.164 value, the published form to show, extension and menu steps. */
export interface NormalisedPhone {
  value: string;
  display: string;
  extension: string | null;
  menuSteps: string[];
}

/** Why a published phone number was refused. */
export type PhoneProblem = { code: "INVALID_PHONE" | "INVALID_EXTENSION"; message: string };

// Where no country code is published, the number is North American (every number on the seed page is).
const DEFAULT_COUNTRY = "US";
const MAX_LENGTH = 200;

// Standard telephone keypad: vanity numbers such as 1 (855) CMS-1515 dial these digits.
const KEYPAD: Record<string, string> = Object.fromEntries(
  ["ABC", "DEF", "GHI", "JKL", "MNO", "PQRS", "TUV", "WXYZ"].flatMap((letters, i) =>
    [...letters].map((letter) => [letter, String(i + 2)]),
  ),
);

// "press Option 1", "Option 2": everything from the first option onwards is the menu to navigate after dialling.
const MENU_START = /[\s,;]*\b(?:press\s+)?option\b/i;
const EXTENSION = /[\s,;]*(?:\bext\.?|\bextension|\bx)\s*(\d+)\s*$/i;
const ALLOWED = /^[+\d\sA-Za-z().\-/]+$/;
// A lettered form given again in parentheses after the digits: 1-844-711-2664 (1-844-711-CMMI).
const PARENTHESISED_ALTERNATIVE = /^(.*\d)\s*\(([^()]*[A-Za-z][^()]*)\)$/;

/** Converts vanity letters to the digits they dial (CMS-1515 → 267-1515). */
export function vanityToDigits(text: string): string {
  return text.replace(/[A-Za-z]/g, (letter) => KEYPAD[letter.toUpperCase()]!);
}

/**
 * Reads a phone number as a page publishes it: digits or vanity letters, an optional country code, an extension
 * ("ext. 12"), trailing menu steps ("press Option 1"), and the same number given twice ("X or Y", "X (Y)").
 * Parsing and validity are libphonenumber-js's; only the vanity letters and the surrounding text are ours.
 */
export function normalisePhone(published: string): NormalisedPhone | PhoneProblem {
  let text = published.trim();
  if (!text) return invalid("is empty");
  if (text.length > MAX_LENGTH) return invalid(`must be at most ${MAX_LENGTH} characters`);

  const menuSteps: string[] = [];
  const menu = MENU_START.exec(text);
  if (menu && menu.index > 0) {
    const steps = text.slice(menu.index).replace(/^[\s,;]+/, "");
    menuSteps.push(...steps.split(/\s*(?:[,;]|\bthen\b)\s*/i).filter(Boolean));
    text = text.slice(0, menu.index).trim();
  }

  let extension: string | null = null;
  const ext = EXTENSION.exec(text);
  if (ext) {
    extension = ext[1]!;
    text = text.slice(0, ext.index).trim();
  }
  if (extension && extension.length > 10) {
    return { code: "INVALID_EXTENSION", message: "an extension has at most 10 digits" };
  }

  const alternatives = splitAlternatives(text);
  const numbers: string[] = [];
  for (const alternative of alternatives) {
    if (!ALLOWED.test(alternative)) return invalid(`"${alternative}" has characters a phone number cannot have`);
    const parsed = parsePhoneNumberFromString(vanityToDigits(alternative), DEFAULT_COUNTRY);
    if (!parsed || !parsed.isValid()) return invalid(`"${alternative}" is not a valid phone number`);
    numbers.push(parsed.number);
    extension ??= parsed.ext ?? null;
  }
  if (new Set(numbers).size > 1) {
    return invalid("names different numbers; give each number as a contact point of its own");
  }
  // The lettered form is the one people remember and the one the page leads with (1 (855) CMS-1515).
  const display = alternatives.find((alternative) => /[A-Za-z]/.test(alternative)) ?? alternatives[0]!;
  return { value: numbers[0]!, display, extension, menuSteps };
}

function splitAlternatives(text: string): string[] {
  const parts = text.split(/\s+or\s+/i).flatMap((part) => {
    const match = PARENTHESISED_ALTERNATIVE.exec(part.trim());
    return match ? [match[1]!.trim(), match[2]!.trim()] : [part.trim()];
  });
  return parts.filter(Boolean);
}

function invalid(message: string): PhoneProblem {
  return { code: "INVALID_PHONE", message };
}

/** True when normalisePhone refused the number. */
export function isPhoneProblem(result: NormalisedPhone | PhoneProblem): result is PhoneProblem {
  return "code" in result;
}
