"""Draws assets/icon-{16,32,64,80,128}.png (a shield with a check mark). Run once with Debian python3-pil: /usr/bin/python3 scripts/make-icons.py"""
from PIL import Image, ImageDraw

def draw(size: int) -> Image.Image:
    scale = 8
    s = size * scale
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    m = s * 0.08
    shield = [(s / 2, m), (s - m, s * 0.2), (s - m, s * 0.5), (s / 2, s - m), (m, s * 0.5), (m, s * 0.2)]
    d.polygon(shield, fill=(15, 108, 189, 255))
    w = max(int(s * 0.09), 1)
    d.line([(s * 0.3, s * 0.5), (s * 0.45, s * 0.65), (s * 0.72, s * 0.34)], fill=(255, 255, 255, 255), width=w, joint="curve")
    return img.resize((size, size), Image.LANCZOS)

for size in (16, 32, 64, 80, 128):
    draw(size).save(f"assets/icon-{size}.png", optimize=True)
