#!/usr/bin/env python3
"""
Builds the PDF fonts in resources/fonts/ from Debian's fonts-noto-cjk (SIL OFL 1.1):

  NotoSansCJKsc-Regular.subset.otf  every ideograph the face has in the CJK basic block, Extension A,
                                    the compatibility block and Extension B+ (about 30,000), plus Latin,
                                    Greek, Cyrillic, CJK and full-width punctuation, symbols: all data text
                                    (names of people, companies, addresses) is set in this face.
  NotoSansCJKsc-Bold.subset.otf     the same symbols with only the 6,763 GB2312 hanzi: titles and labels.
                                    A character it lacks is set in the Regular face (src-main/documents/fonts.ts).
  NotoSansMonoCJKsc-Regular.ascii.otf  printable ASCII of the monospaced face: hashes, codes.

Run on Debian:  apt-get install python3-fonttools fonts-noto-cjk && /usr/bin/python3 scripts/subset-fonts.py
The output is committed (builds and CI need nothing); the script is here so anyone can rebuild and check it.
It is deterministic: the head table keeps the source's timestamps, so the same inputs give the same bytes.
"""
import hashlib
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

SRC_DIR = os.environ.get("NOTO_CJK_DIR", "/usr/share/fonts/opentype/noto")
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fonts")

# Everything but ideographs: Latin (with pinyin tones), Greek, Cyrillic, punctuation, letter-like symbols (℃ №),
# number forms (Ⅰ Ⅱ), arrows, math, enclosed numbers (①), box drawing, shapes (□ ○ ★), CJK symbols and punctuation,
# enclosed CJK (㈠), CJK compatibility forms, full-width forms.
COMMON = [
    (0x0020, 0x007E), (0x00A0, 0x017F), (0x01CD, 0x01DC), (0x0370, 0x03FF), (0x0400, 0x045F),
    (0x2000, 0x206F), (0x2100, 0x218F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF),
    (0x2500, 0x257F), (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x3000, 0x303F), (0x3200, 0x32FF),
    (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
]
IDEOGRAPHS = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF)]


def gb2312_hanzi():
    """The 6,763 hanzi of GB 2312 (rows 16-87), decoded with Python's own codec: no list to download."""
    out = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.append(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    assert len(out) == 6763, len(out)
    return out


def expand(ranges):
    return [cp for lo, hi in ranges for cp in range(lo, hi + 1)]


def build(ttc_name, face_ps_name, unicodes, out_name):
    collection = TTCollection(os.path.join(SRC_DIR, ttc_name), recalcTimestamp=False)
    faces = [f for f in collection.fonts if f["name"].getDebugName(6) == face_ps_name]
    if not faces:
        sys.exit(f"{face_ps_name} not found in {ttc_name}")
    font = faces[0]
    options = subset.Options()
    options.layout_features = []          # no OpenType features: pdfmake sets CJK text glyph by glyph
    options.hinting = False               # PDFs are scaled, hints only add bytes
    options.name_IDs = ["*"]              # keep copyright (0), licence (13) and licence URL (14)
    options.name_languages = ["*"]
    options.notdef_outline = True         # a visible box, never an invisible gap, should a glyph be missing
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    font.recalcTimestamp = False
    path = os.path.join(OUT_DIR, out_name)
    font.save(path)
    data = open(path, "rb").read()
    print(f"{out_name}: {len(font.getBestCmap())} characters, {len(data) / 1048576:.2f} MiB, sha256 {hashlib.sha256(data).hexdigest()}")


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    common = expand(COMMON)
    build("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular", common + expand(IDEOGRAPHS), "NotoSansCJKsc-Regular.subset.otf")
    build("NotoSansCJK-Bold.ttc", "NotoSansCJKsc-Bold", common + gb2312_hanzi(), "NotoSansCJKsc-Bold.subset.otf")
    build("NotoSansCJK-Regular.ttc", "NotoSansMonoCJKsc-Regular", expand([(0x0020, 0x007E)]), "NotoSansMonoCJKsc-Regular.ascii.otf")


if __name__ == "__main__":
    main()
