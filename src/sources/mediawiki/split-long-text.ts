/**
 * saxes keeps a text node in one string until the next `<`, so a text larger than a string can
 * hold would stop the parse (and every revision after it). Character data running longer than
 * `piece` characters gets an empty comment `<!---->` inserted, which makes saxes hand over the text
 * so far; the comment changes neither the text nor the line numbers. It is only inserted where the
 * last markup character seen was `>` (so not inside a tag), away from an entity, a surrogate pair
 * or a CR LF. Returns a function that transforms successive chunks.
 */
export function splitLongText(piece: number): (chunk: string) => string {
  let run = 0; // characters of character data since the last markup character
  let inTag = false;
  const markup = /[<>]/g;
  const nextMarkup = (chunk: string, from: number): number => {
    markup.lastIndex = from;
    return markup.exec(chunk)?.index ?? chunk.length;
  };
  /** The common case, decided without a scan: the chunk is shorter than a piece and its leading run stays short. */
  const quick = (chunk: string): boolean => {
    if (chunk.length >= piece) return false;
    const first = nextMarkup(chunk, 0);
    if (first === chunk.length) {
      if (!inTag && run + chunk.length >= piece) return false;
      if (!inTag) run += chunk.length;
      return true;
    }
    if (!inTag && run + first >= piece) return false;
    const last = Math.max(chunk.lastIndexOf('<'), chunk.lastIndexOf('>'));
    inTag = chunk.charCodeAt(last) === 0x3c;
    run = inTag ? 0 : chunk.length - last - 1;
    return true;
  };
  return (chunk) => {
    if (quick(chunk)) return chunk;
    let out = '';
    let from = 0;
    for (let i = 0; i < chunk.length; ) {
      const next = nextMarkup(chunk, i);
      if (!inTag) {
        // Character data chunk[i, next): split where the run reaches a piece, at the first safe place.
        for (let at = i + piece - run; at <= next; at += piece) {
          let place = Math.max(at, i + 1);
          while (place <= next && !safeSplit(chunk, place)) place += 1;
          if (place > next) break;
          out += `${chunk.slice(from, place)}<!---->`;
          from = place;
          run = 0;
          i = place;
          at = place; // the loop adds a piece
        }
        run += next - i;
      }
      if (next === chunk.length) break;
      inTag = chunk.charCodeAt(next) === 0x3c;
      run = 0;
      i = next + 1;
    }
    return out + chunk.slice(from);
  };
}

/** Whether `<!---->` may go before `chunk[at]`: not inside an entity, a surrogate pair or a CR LF. */
function safeSplit(chunk: string, at: number): boolean {
  const before = chunk.charCodeAt(at - 1);
  if (before === 0x0d || (before >= 0xd800 && before <= 0xdbff)) return false;
  // An entity is at most a few characters (`&#x10FFFF;`); one begun in the previous chunk is avoided by never splitting near a chunk's start.
  if (at < 16) return false;
  const amp = chunk.lastIndexOf('&', at - 1);
  const semicolon = amp === -1 ? -1 : chunk.indexOf(';', amp);
  return amp === -1 || at - amp > 16 || (semicolon !== -1 && semicolon < at);
}
