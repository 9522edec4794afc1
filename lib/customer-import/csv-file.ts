import { parse, type CsvError } from "csv-parse/sync";
import { formatNumber } from "@/lib/format";
import { MAX_IMPORT_ROWS } from "./limits";

/** One record of the file: the line it starts on (1 is the header) and its cells. */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvFile {
  header: string[];
  rows: CsvRow[];
}

/** The file as a whole cannot be read; `line` names where, when there is a where. */
export class CsvFileError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
    this.name = "CsvFileError";
  }
}

const refuse = (line: number | null, reason: string) => new CsvFileError(line === null ? reason : `Line ${line}: ${reason}`, line);

/** Offsets where each line starts, for turning a byte offset into a line number (LF, CRLF or a lone CR). */
function lineStarts(bytes: Uint8Array): number[] {
  const starts = [0];
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index];
    if (byte === 0x0a || (byte === 0x0d && bytes[index + 1] !== 0x0a)) starts.push(index + 1);
  }
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** The first byte that is not part of well-formed UTF-8, or -1 (TextDecoder says whether, not where). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next++) {
      const continuation = bytes[index + next];
      if (continuation === undefined || (continuation & 0xc0) !== 0x80) return index;
    }
    // Overlong forms, surrogates and code points past U+10FFFF.
    const second = bytes[index + 1] ?? 0;
    if ((byte === 0xe0 && second < 0xa0) || (byte === 0xed && second > 0x9f) || (byte === 0xf0 && second < 0x90) || (byte === 0xf4 && second > 0x8f)) {
      return index;
    }
    index += length;
  }
  return -1;
}

/** Text files have no NUL and (tab, CR and LF aside) no control characters below space; a spreadsheet or a zip has many. */
function firstBinaryByte(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return index;
  }
  return -1;
}

function csvErrorReason(error: CsvError, columns: number): string {
  switch (error.code) {
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH": {
      const found = Array.isArray(error.record) ? error.record.length : "another number of";
      return `this row has ${found} columns where the header has ${columns}. Check for a missing or extra comma, or a comma inside a field that is not in quotes.`;
    }
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted field starts here and its closing quote is missing.";
    case "INVALID_OPENING_QUOTE":
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return 'a quote is out of place. A field that holds a quote must be in quotes, with the quote doubled ("").';
    case "CSV_MAX_RECORD_SIZE":
      return "this row is too long.";
    default:
      return "this line cannot be read as CSV.";
  }
}

/**
 * Reads an uploaded file as CSV: UTF-8 with or without a byte-order mark, LF or CRLF line ends, quoted fields with
 * commas, quotes and line breaks, empty lines skipped, every row as long as the header. Anything else is refused
 * with the line it was found on: another encoding (bytes that are not UTF-8), a binary file, a quote out of place,
 * a row with more or fewer columns.
 */
export function readCsvFile(bytes: Uint8Array): CsvFile {
  if (bytes.length === 0) throw refuse(null, "This file is empty. Choose a CSV file with a header row and one row per customer.");
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw refuse(1, "this file is UTF-16. Save it as CSV UTF-8 (comma delimited) and upload it again.");
  }
  const starts = lineStarts(bytes);
  const binary = firstBinaryByte(bytes);
  if (binary >= 0)
    throw refuse(lineAt(starts, binary), "this is not a CSV file: it holds binary data (is it a spreadsheet or an archive? Save it as CSV UTF-8).");
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0) {
    throw refuse(lineAt(starts, invalid), "this file is not UTF-8 (a character here is in another encoding). Save it as CSV UTF-8 and upload it again.");
  }

  // The offset where the record being read begins: csv-parse reports where a record ends, not where it starts.
  let recordStart = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const startLine = (end: number) => {
    let offset = end;
    while (bytes[offset] === 0x0a || bytes[offset] === 0x0d) offset++;
    return lineAt(starts, offset);
  };
  const rows: CsvRow[] = [];
  let header: string[] | null = null;
  try {
    parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      bom: true,
      skip_empty_lines: true,
      max_record_size: 1024 * 1024,
      on_record: (record: string[], context) => {
        const line = startLine(recordStart);
        recordStart = context.bytes;
        if (header === null) header = record;
        else {
          if (rows.length >= MAX_IMPORT_ROWS) throw refuse(line, `one import takes at most ${formatNumber(MAX_IMPORT_ROWS)} rows. Split the file.`);
          rows.push({ line, cells: record });
        }
        // Nothing is kept by csv-parse itself: the rows above are the only copy.
        return null;
      },
    });
  } catch (error) {
    if (error instanceof CsvFileError) throw error;
    const csvError = error as CsvError;
    throw refuse(startLine(recordStart), csvErrorReason(csvError, (header as string[] | null)?.length ?? 0));
  }
  if (header === null) throw refuse(null, "This file is empty. Choose a CSV file with a header row and one row per customer.");
  if (rows.length === 0) throw refuse(null, "This file has a header row and no customers under it.");
  return { header, rows };
}
