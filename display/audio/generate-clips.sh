#!/usr/bin/env bash
# Generates the offline voice clip pack for the waiting-room display:
#   display/public/audio/<clip-name>.ogg  (Ogg Vorbis, mono, 16 kHz, low bitrate)
# Speech comes from espeak-ng's Indonesian voice, the chime is synthesized with sox; no network needed.
#
# Usage: display/audio/generate-clips.sh [--force]
#   Without --force an existing clip is kept, so an office's own recordings dropped into the folder
#   under the same names survive a re-run. --force regenerates every clip.
#
# Needs (Debian/Ubuntu): apt-get install -y espeak-ng sox libsox-fmt-all
#   (libsox-fmt-all, or at least libsox-fmt-ogg, gives sox its Ogg Vorbis writer.)
#
# The clip names must match ALL_CLIP_NAMES in shared/domain/announcement.ts;
# test/unit/clip-pack.test.ts fails when one is missing.
set -euo pipefail

force=0
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

for tool in espeak-ng sox; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "missing $tool; install with: apt-get install -y espeak-ng sox libsox-fmt-all" >&2
    exit 1
  fi
done
if ! sox -h 2>/dev/null | grep -q 'AUDIO FILE FORMATS:.* vorbis'; then
  echo "sox cannot write Ogg Vorbis; install with: apt-get install -y libsox-fmt-all" >&2
  exit 1
fi
if ! espeak-ng --voices=id 2>/dev/null | grep -q ' id '; then
  echo "espeak-ng has no Indonesian voice (id); install the Debian espeak-ng-data package" >&2
  exit 1
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(cd "$here/.." && pwd)/public/audio"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

VOICE=id
SPEED=145        # words per minute: a little slower than espeak's 175, for a noisy waiting room
RATE=16000       # speech needs no more; keeps the pack small
QUALITY=-1       # Vorbis quality -1 (~45 kb/s nominal, less at 16 kHz mono)

# sox -R: repeatable output, so a re-run with --force gives byte-identical files (no git noise).
encode() { # encode <in.wav> <name> <lead-pad-s> <tail-pad-s>
  local in="$1" name="$2" lead="$3" tail="$4"
  # Trim espeak's leading/trailing silence so clips chain naturally. Tiny fades avoid clicks at the
  # cut points; the pads stand in for the commas in "Nomor antrian, A dua belas, silakan menuju loket dua".
  sox -R "$in" -r "$RATE" -c 1 "$tmp/$name.trim.wav" \
    silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse
  sox -R "$tmp/$name.trim.wav" -C "$QUALITY" "$tmp/$name.ogg" \
    fade q 0.008 -0 0.015 gain -n -2 pad "$lead" "$tail"
  mv -f "$tmp/$name.ogg" "$out/$name.ogg"
  echo "wrote $name.ogg"
}

say() { # say <name> <espeak input> [lead-pad] [tail-pad]
  local name="$1" text="$2" lead="${3:-0}" tail="${4:-0.04}"
  if [[ $force -eq 0 && -s "$out/$name.ogg" ]]; then
    echo "kept  $name.ogg"
    return
  fi
  espeak-ng -v "$VOICE" -s "$SPEED" -w "$tmp/$name.wav" "$text"
  encode "$tmp/$name.wav" "$name" "$lead" "$tail"
}

chime() {
  local name=chime
  if [[ $force -eq 0 && -s "$out/$name.ogg" ]]; then
    echo "kept  $name.ogg"
    return
  fi
  # Two-tone "ding-dong": E5 then C5 (a falling major third), each a sine with a soft octave
  # overtone and a long decay, the second starting while the first still rings.
  sox -R -n -r "$RATE" -c 1 "$tmp/ding1.wav" synth 1.1 sine 659.25 gain -3 fade q 0.005 1.1 1.05
  sox -R -n -r "$RATE" -c 1 "$tmp/ding2.wav" synth 1.1 sine 1318.51 gain -16 fade q 0.005 1.1 1.05
  sox -R -n -r "$RATE" -c 1 "$tmp/dong1.wav" synth 1.5 sine 523.25 gain -3 fade q 0.005 1.5 1.45 pad 0.55 0
  sox -R -n -r "$RATE" -c 1 "$tmp/dong2.wav" synth 1.5 sine 1046.50 gain -16 fade q 0.005 1.5 1.45 pad 0.55 0
  sox -R -m "$tmp/ding1.wav" "$tmp/ding2.wav" "$tmp/dong1.wav" "$tmp/dong2.wav" "$tmp/chime.raw.wav"
  # Keep the natural ring-out (no trim at the end); a short pause before the voice starts.
  sox -R "$tmp/chime.raw.wav" "$tmp/chime.trim.wav" gain -n -3 pad 0 0.25
  sox -R "$tmp/chime.trim.wav" -C "$QUALITY" "$tmp/chime.ogg"
  mv -f "$tmp/chime.ogg" "$out/chime.ogg"
  echo "wrote chime.ogg"
}

chime

# Phrases. The pause after "nomor antrian" and before "silakan" are the spoken commas.
say nomor-antrian "nomor antrian" 0 0.25
# [[...]] is espeak phoneme input: "loket" is lokét (open e), espeak would say a schwa.
say silakan-menuju-loket "silakan menuju [[l'okEt]]" 0.3 0.08

# Letters as Indonesians spell them: a, be, ce, de, e, ef, ge, ha, i, je, ka, el, em, en, o, pe,
# ki, er, es, te, u, fe, we, eks, ye, zet. espeak-ng's Indonesian voice reads a lone letter that way.
for l in a b c d e f g h i j k l m n o p q r s t u v w x y z; do
  say "huruf-$l" "$l" 0 0.12
done

# Number words, one clip per word terbilang() can emit. Phoneme input where espeak's Indonesian
# rules get the vowel wrong: belas/sebelas/empat/enam have a schwa (bəlas, əmpat, ənam).
say nol nol
say satu satu
say dua dua
say tiga tiga
say empat "[[@mp'at]]"
say lima lima
say enam "[[@n'am]]"
say tujuh tujuh
say delapan delapan
say sembilan sembilan
say sepuluh sepuluh
say sebelas "[[s@b@l'as]]"
say belas "[[b@l'as]]"
say puluh puluh
say seratus seratus
say ratus ratus
say seribu seribu
say ribu ribu

total=$(du -cb "$out"/*.ogg | tail -n 1 | cut -f 1)
echo "clip pack: $(ls "$out"/*.ogg | wc -l) clips, $total bytes in $out"
