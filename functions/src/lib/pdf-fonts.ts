// Unicode fonts for PDFs (issue 16 item 10): the standard PDF fonts speak WinAnsi only, so names in
// Cyrillic, Greek, Chinese, Japanese or Arabic came out as "???". Committed OFL Noto subsets
// (functions/assets/fonts, see its README) are embedded with fontkit, subset to the glyphs used.
// The font is chosen by the script of the text: Noto Sans for Latin, Cyrillic and Greek; a Noto Sans
// SC subset (about 5,000 common Chinese characters plus the Japanese kana and level-1 kanji) for CJK;
// Noto Naskh Arabic for Arabic, which fontkit shapes (joining forms) and lays out right to left.
// Limits: no Hangul, Devanagari, Thai or Hebrew font, and a rare Han character outside the subset;
// such characters print as "?" rather than as an empty box.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PDFDocument, PDFFont } from '@cantoo/pdf-lib';

type Fontkit = typeof import('@cantoo/fontkit').default;
let fontkitModule: Promise<Fontkit> | null = null;
/** fontkit loads on first use: every function shares the bundle, and only the PDF needs it. */
function loadFontkit(): Promise<Fontkit> {
  fontkitModule ??= import('@cantoo/fontkit').then(
    (m) => ((m as { default?: Fontkit }).default ?? (m as unknown as Fontkit)) as Fontkit,
  );
  return fontkitModule;
}

export type FontFace = 'sans' | 'sansBold' | 'cjk' | 'arabic';

const FILES: Record<FontFace, string> = {
  sans: 'NotoSans-Regular.ttf',
  sansBold: 'NotoSans-Bold.ttf',
  cjk: 'NotoSansSC-Common-Regular.ttf',
  arabic: 'NotoNaskhArabic-Regular.ttf',
};

const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
const ARABIC = /\p{Script=Arabic}/u;

/** Which embedded font draws `text`, by its script: CJK or Arabic when it has any, else Noto Sans. */
export function fontFaceFor(text: string, bold = false): FontFace {
  if (HAN_OR_KANA.test(text)) return 'cjk';
  if (ARABIC.test(text)) return 'arabic';
  return bold ? 'sansBold' : 'sans';
}

/** functions/assets/fonts, found from the bundle (lib/) or the sources (src/lib/) alike. */
function fontsDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'assets', 'fonts');
    if (existsSync(join(candidate, FILES.sans))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('PDF fonts not found (functions/assets/fonts)');
}

const bytesCache = new Map<FontFace, Uint8Array>();
const coverageCache = new Map<FontFace, { hasGlyphForCodePoint(cp: number): boolean }>();

function fontBytes(face: FontFace): Uint8Array {
  let bytes = bytesCache.get(face);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(join(fontsDir(), FILES[face])));
    bytesCache.set(face, bytes);
  }
  return bytes;
}

async function coverage(face: FontFace) {
  let font = coverageCache.get(face);
  if (!font) {
    const fontkit = await loadFontkit();
    font = fontkit.create(Buffer.from(fontBytes(face))) as unknown as {
      hasGlyphForCodePoint(cp: number): boolean;
    };
    coverageCache.set(face, font);
  }
  return font;
}

/** `text` with every character the face cannot draw replaced by "?" (never an empty box). */
export async function drawableText(face: FontFace, text: string): Promise<string> {
  const font = await coverage(face);
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    // Joiners and direction marks have no glyph of their own but shape the text around them.
    out += cp === 0x200c || cp === 0x200d || font.hasGlyphForCodePoint(cp) ? ch : '?';
  }
  return out;
}

/** Embeds faces on first use into one document (each subset to the glyphs it draws). */
export async function unicodeFonts(pdf: PDFDocument): Promise<(face: FontFace) => Promise<PDFFont>> {
  const fontkit = await loadFontkit();
  pdf.registerFontkit(fontkit as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  const embedded = new Map<FontFace, Promise<PDFFont>>();
  return (face) => {
    let font = embedded.get(face);
    if (!font) {
      font = pdf.embedFont(fontBytes(face), { subset: true });
      embedded.set(face, font);
    }
    return font;
  };
}
