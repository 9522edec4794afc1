import { describe, expect, it } from "vitest";
import { CsvFileError, firstInvalidUtf8, readCsvFile } from "./csv-file";
import { guessMapping, mappingProblems } from "./mapping";

const bytes = (text: string) => new TextEncoder().encode(text);
const refusal = (input: Uint8Array) => {
  try {
    readCsvFile(input);
  } catch (error) {
    if (error instanceof CsvFileError) return { message: error.message, line: error.line };
    throw error;
  }
  throw new Error("the file was accepted");
};

describe("readCsvFile: the shapes a real export produces", () => {
  it("reads UTF-8 with a byte-order mark and CRLF line ends, the BOM not part of the first header", () => {
    const file = readCsvFile(bytes("\uFEFFexternal_id,name\r\nnw-1,Northwind\r\nnw-2,Globex\r\n"));
    expect(file.header).toEqual(["external_id", "name"]);
    expect(file.rows).toEqual([
      { line: 2, cells: ["nw-1", "Northwind"] },
      { line: 3, cells: ["nw-2", "Globex"] },
    ]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks, and gives each row the line it starts on", () => {
    const file = readCsvFile(bytes('id,name\r\n1,"Acme, Inc."\r\n2,"Two\r\nlines ""quoted"""\r\n\r\n3,Last'));
    expect(file.rows).toEqual([
      { line: 2, cells: ["1", "Acme, Inc."] },
      { line: 3, cells: ["2", 'Two\r\nlines "quoted"'] },
      { line: 6, cells: ["3", "Last"] },
    ]);
  });

  it("keeps non-ASCII text as it is", () => {
    expect(readCsvFile(bytes("id,name\nx,Zürich Café 東京\n")).rows[0]!.cells[1]).toBe("Zürich Café 東京");
  });

  it("matches columns by their headers, in any order", () => {
    expect(guessMapping(["Plan", "Email", "Customer name", "External ID", "Trial"])).toEqual({
      externalId: 3,
      name: 2,
      notificationEmail: 1,
      plan: 0,
      trial: 4,
    });
    const mapping = guessMapping(["Plan", "Email"]);
    expect(mappingProblems(mapping, 2)).toEqual([expect.stringContaining("external ID")]);
  });
});

describe("readCsvFile: anything else is refused with the line", () => {
  it("a row with more or fewer columns than the header", () => {
    expect(refusal(bytes("id,name\n1,a\n2,b,c\n"))).toEqual({
      line: 3,
      message: expect.stringMatching(/^Line 3: this row has 3 columns where the header has 2/),
    });
    expect(refusal(bytes('id,name\r\n1,"a\r\nb"\r\n2\r\n')).line).toBe(4);
  });

  it("a quote that is never closed, or one out of place", () => {
    expect(refusal(bytes('id,name\n1,a\n2,"open\n3,c\n'))).toMatchObject({ line: 3, message: expect.stringContaining("closing quote is missing") });
    expect(refusal(bytes('id,name\n1,a"b\n'))).toMatchObject({ line: 2, message: expect.stringContaining("quote is out of place") });
  });

  it("another encoding: Latin-1 bytes, UTF-16", () => {
    const latin1 = Uint8Array.from([...bytes("id,name\n1,ok\n2,Z"), 0xfc, ...bytes("rich\n")]);
    expect(refusal(latin1)).toMatchObject({ line: 3, message: expect.stringContaining("not UTF-8") });
    expect(refusal(Uint8Array.from([0xff, 0xfe, 0x69, 0x00]))).toMatchObject({ line: 1, message: expect.stringContaining("UTF-16") });
  });

  it("a file that is not CSV at all: binary, empty, a header alone", () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(refusal(zip)).toMatchObject({ line: 1, message: expect.stringContaining("not a CSV file") });
    expect(refusal(new Uint8Array())).toMatchObject({ line: null, message: expect.stringContaining("empty") });
    expect(refusal(bytes("id,name\n"))).toMatchObject({ message: expect.stringContaining("no customers") });
  });
});

describe("firstInvalidUtf8", () => {
  it("finds overlong forms, surrogates and truncated sequences, and accepts four-byte characters", () => {
    expect(firstInvalidUtf8(bytes("a😀b"))).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2);
  });
});
