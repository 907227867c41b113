/**
 * The push scanner behind the streaming JSON readers: it is fed text chunk by chunk and emits
 * one event per record of a root array (or of a Graph page's `value` array), with the line the
 * record starts on. Split from json-stream.ts, which holds the readers built on it.
 */
export type JsonEvent =
  /** A root value starts (`[` or `{`). */
  | { type: 'rootStart'; kind: 'array' | 'object'; line: number }
  /** An element of a root array, or of the `value` array of a root object. */
  | { type: 'item'; value: unknown; line: number; index: number }
  /** The `value` array of a root object opens (its elements follow as items). */
  | { type: 'valueStart'; line: number }
  /** A member of a root object other than `value` (`@odata.context`, or every field of a lone object). */
  | { type: 'member'; key: string; value: unknown; line: number }
  /** The root value that started last is complete. */
  | { type: 'rootEnd'; kind: 'array' | 'object'; line: number };

/** Invalid JSON, with the place it was found. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
    this.name = 'JsonSyntaxError';
  }
}

const enum Mode {
  Root,
  ItemsFirst,
  ItemsNext,
  ItemsAfter,
  ObjFirst,
  ObjKey,
  ObjColon,
  ObjValue,
  ObjAfter,
  Capture,
}

/** A value being copied out of the text: an array element, a root member, or a property name. */
interface Capture {
  target: 'item' | 'member' | 'key';
  /** Text of the value from earlier chunks. */
  parts: string[];
  /** Where the value starts in the current chunk. */
  start: number;
  depth: number;
  inString: boolean;
  escape: boolean;
  /** Numbers, `true`, `false`, `null`: they end at the next delimiter. */
  scalar: boolean;
  line: number;
  column: number;
}

/** Characters JSON allows between tokens. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * The push scanner behind {@link readJsonEvents}: feed it text in pieces of any size; it yields
 * events as soon as a record is complete. Structure outside records is checked here; each record's
 * own text is checked by `JSON.parse`.
 */
export class JsonScanner {
  private mode: Mode = Mode.Root;
  private line = 1;
  private column = 0;
  private started = false;
  /** True while reading the `value` array of a root object. */
  private inValueArray = false;
  private itemIndex = 0;
  private key = '';
  private cap: Capture = {
    target: 'item',
    parts: [],
    start: 0,
    depth: 0,
    inString: false,
    escape: false,
    scalar: false,
    line: 1,
    column: 1,
  };

  /** Scans the next piece of text. */
  *feed(text: string): Generator<JsonEvent> {
    let i = 0;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    this.cap.start = i;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (this.mode === Mode.Capture) {
        const end = this.scanCapture(text, i);
        i = end.next;
        if (end.done) yield* this.endCapture(text.slice(this.cap.start, i));
        continue;
      }
      if (!isSpace(c)) {
        const event = this.structural(c, i);
        if (event) yield event;
        // A value that starts here is read by the capture, this character included.
        if (this.capturing()) continue;
      }
      this.advance(c);
      i += 1;
    }
    if (this.mode === Mode.Capture) this.cap.parts.push(text.slice(this.cap.start));
  }

  /** Ends the document: anything left open is an error. */
  *finish(): Generator<JsonEvent> {
    if (this.mode === Mode.Capture && this.cap.scalar) yield* this.endCapture('');
    if (this.mode !== Mode.Root) throw new JsonSyntaxError('unexpected end of the file', this.line, this.column + 1);
  }

  /** A method, not an inline test, because TypeScript would keep the narrowing across `structural`. */
  private capturing(): boolean {
    return this.mode === Mode.Capture;
  }

  private advance(c: number): void {
    if (c === 0x0a) {
      this.line += 1;
      this.column = 0;
    } else this.column += 1;
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(message, this.line, this.column + 1);
  }

  /** Handles one non-space character outside a capture; may start a capture or end a root. */
  private structural(c: number, i: number): JsonEvent | null {
    const ch = String.fromCharCode(c);
    switch (this.mode) {
      case Mode.Root:
        if (ch === '[' || ch === '{') {
          this.mode = ch === '[' ? Mode.ItemsFirst : Mode.ObjFirst;
          this.itemIndex = 0;
          return { type: 'rootStart', kind: ch === '[' ? 'array' : 'object', line: this.line };
        }
        return this.fail(`expected "[" or "{" but found ${JSON.stringify(ch)}`);
      case Mode.ItemsFirst:
      case Mode.ItemsNext:
        if (ch === ']' && this.mode === Mode.ItemsFirst) return this.closeArray();
        this.startCapture('item', c, i);
        return null;
      case Mode.ItemsAfter:
        if (ch === ',') this.mode = Mode.ItemsNext;
        else if (ch === ']') return this.closeArray();
        else this.fail(`expected "," or "]" but found ${JSON.stringify(ch)}`);
        return null;
      case Mode.ObjFirst:
      case Mode.ObjKey:
        if (ch === '}' && this.mode === Mode.ObjFirst) return this.closeObject();
        if (ch !== '"') this.fail(`expected a property name but found ${JSON.stringify(ch)}`);
        this.startCapture('key', c, i);
        return null;
      case Mode.ObjColon:
        if (ch !== ':') this.fail(`expected ":" but found ${JSON.stringify(ch)}`);
        this.mode = Mode.ObjValue;
        return null;
      case Mode.ObjValue:
        if (ch === '[' && this.key === 'value') {
          this.inValueArray = true;
          this.mode = Mode.ItemsFirst;
          this.itemIndex = 0;
          return { type: 'valueStart', line: this.line };
        }
        this.startCapture('member', c, i);
        return null;
      case Mode.ObjAfter:
        if (ch === ',') this.mode = Mode.ObjKey;
        else if (ch === '}') return this.closeObject();
        else this.fail(`expected "," or "}" but found ${JSON.stringify(ch)}`);
        return null;
      default:
        return null;
    }
  }

  private closeArray(): JsonEvent | null {
    if (this.inValueArray) {
      this.inValueArray = false;
      this.mode = Mode.ObjAfter;
      return null;
    }
    this.mode = Mode.Root;
    return { type: 'rootEnd', kind: 'array', line: this.line };
  }

  private closeObject(): JsonEvent {
    this.mode = Mode.Root;
    return { type: 'rootEnd', kind: 'object', line: this.line };
  }

  private startCapture(target: Capture['target'], c: number, i: number): void {
    const quote = c === 0x22;
    const open = c === 0x7b || c === 0x5b;
    if (c === 0x5d || c === 0x7d || c === 0x2c || c === 0x3a)
      this.fail(`expected a value but found ${JSON.stringify(String.fromCharCode(c))}`);
    this.cap = {
      parts: [],
      start: i,
      depth: 0,
      inString: false,
      escape: false,
      scalar: !quote && !open,
      line: this.line,
      column: this.column + 1,
      target,
    };
    this.mode = Mode.Capture;
  }

  /**
   * Runs a capture forward from `from` (the hot loop: local variables, no calls per character).
   * `done` when the value is complete; `next` is where the driver goes on (a scalar's delimiter is
   * left for the driver).
   */
  private scanCapture(text: string, from: number): { next: number; done: boolean } {
    const cap = this.cap;
    let { depth, inString, escape } = cap;
    let line = this.line;
    let column = this.column;
    let i = from;
    let done = false;
    for (; i < text.length && !done; i += 1) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escape) escape = false;
        else if (c === 0x5c) escape = true;
        else if (c === 0x22) {
          inString = false;
          done = depth === 0;
        }
      } else if (cap.scalar) {
        if (isSpace(c) || c === 0x2c || c === 0x5d || c === 0x7d) {
          done = true;
          break;
        }
      } else if (c === 0x22) inString = true;
      else if (c === 0x7b || c === 0x5b) depth += 1;
      else if (c === 0x7d || c === 0x5d) {
        depth -= 1;
        done = depth === 0;
      }
      if (c === 0x0a) {
        line += 1;
        column = 0;
      } else column += 1;
    }
    Object.assign(cap, { depth, inString, escape });
    this.line = line;
    this.column = column;
    return { next: i, done };
  }

  private *endCapture(last: string): Generator<JsonEvent> {
    const cap = this.cap;
    cap.parts.push(last);
    const raw = cap.parts.join('');
    const value = parseCaptured(raw, cap.line, cap.column);
    if (cap.target === 'key') {
      this.key = typeof value === 'string' ? value : '';
      this.mode = Mode.ObjColon;
    } else if (cap.target === 'member') {
      this.mode = Mode.ObjAfter;
      yield { type: 'member', key: this.key, value, line: cap.line };
    } else {
      this.mode = Mode.ItemsAfter;
      yield { type: 'item', value, line: cap.line, index: this.itemIndex };
      this.itemIndex += 1;
    }
  }
}

/** `JSON.parse` with the error placed in the file: V8 reports a character position inside `raw`. */
function parseCaptured(raw: string, line: number, column: number): unknown {
  try {
    return JSON.parse(raw);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const offset = position?.[1] === undefined ? 0 : Number(position[1]);
    const before = raw.slice(0, offset);
    const newlines = before.split('\n').length - 1;
    const col = newlines === 0 ? column + offset : offset - before.lastIndexOf('\n');
    throw new JsonSyntaxError(
      message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, ' (not valid JSON)'),
      line + newlines,
      col,
    );
  }
}
