//! Camera-like JPEG photos for the image benchmark.
//!
//!     bench-photos --seed S --count N --out DIR [--jobs J]
//!
//! Writes DIR/photo-S-0000.jpg .. photo-S-(N-1).jpg, skipping files that are
//! already there (the same seed and index give the same bytes). Each photo
//! is 4000×3000 (some 3000×4000, some stored 4000×3000 with EXIF orientation
//! 6 as phones do), quality 92, with an EXIF block as a camera writes it:
//! make, model, serial number, date, orientation and GPS position.
//!
//! The pixels must cost an encoder what a photo costs: a sky gradient with
//! clouds, ground with texture at several scales, a red banner with rows of
//! letters, people, tables, vignetting and sensor noise, all different per
//! photo. Files come out at 2.7–4.5 MB (seed 1: median 3.7 MB).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;
use std::{env, fs, process, thread};

use image::codecs::jpeg::JpegEncoder;
use image::ExtendedColorType;

const QUALITY: u8 = 92;

/// splitmix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut r = Rng(seed ^ 0x5DEE_CE66_D1B5_4A32);
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
    fn range(&mut self, a: f32, b: f32) -> f32 {
        a + (b - a) * self.unit()
    }
    fn below(&mut self, n: u32) -> u32 {
        (self.next() % u64::from(n)) as u32
    }
}

/// Value noise: random values on a grid of `cell` pixels, smoothly interpolated.
struct Field {
    inv: f32,
    gw: usize,
    gh: usize,
    v: Vec<f32>,
}

fn smooth(t: f32) -> f32 {
    t * t * (3.0 - 2.0 * t)
}

impl Field {
    fn new(rng: &mut Rng, w: usize, h: usize, cell: f32) -> Field {
        let gw = (w as f32 / cell) as usize + 3;
        let gh = (h as f32 / cell) as usize + 3;
        let v = (0..gw * gh).map(|_| rng.range(-1.0, 1.0)).collect();
        Field {
            inv: 1.0 / cell,
            gw,
            gh,
            v,
        }
    }
    /// The field along row `y`, at each grid column (coordinates past the
    /// grid wrap around: fine detail from a coarse field).
    fn row(&self, y: f32) -> Vec<f32> {
        let fy = y * self.inv;
        let iy = fy as usize % (self.gh - 1);
        let sy = smooth(fy.fract());
        let (a, b) = (
            &self.v[iy * self.gw..][..self.gw],
            &self.v[(iy + 1) * self.gw..][..self.gw],
        );
        a.iter().zip(b).map(|(a, b)| a + (b - a) * sy).collect()
    }
}

/// The value at `x` of a row from `Field::row`.
fn along(row: &[f32], inv: f32, x: f32) -> f32 {
    let fx = x * inv;
    let mut ix = fx as usize;
    let t = smooth(fx - ix as f32);
    if ix + 1 >= row.len() {
        ix %= row.len() - 1;
    }
    row[ix] + (row[ix + 1] - row[ix]) * t
}

/// Sum of fields at several scales, each with its weight, and for each
/// field where each pixel column falls on its grid (the same on every row).
struct Fbm {
    fields: Vec<(Field, f32)>,
    cols: Vec<Vec<Col>>,
}

/// Where a pixel column falls on a field's grid: cell index, smoothed offset.
type Col = (u32, f32);

/// An `Fbm` along one row: per field its row, grid step, weight and columns.
struct FbmRow<'a>(Vec<(Vec<f32>, f32, f32, &'a [Col])>);

impl Fbm {
    fn new(rng: &mut Rng, w: usize, h: usize, cells: &[(f32, f32)]) -> Fbm {
        let fields: Vec<(Field, f32)> = cells
            .iter()
            .map(|&(c, a)| (Field::new(rng, w, h, c), a))
            .collect();
        let cols = fields
            .iter()
            .map(|(f, _)| {
                (0..w)
                    .map(|x| {
                        let fx = x as f32 * f.inv;
                        let mut ix = fx as usize;
                        let t = smooth(fx - ix as f32);
                        if ix + 1 >= f.gw {
                            ix %= f.gw - 1;
                        }
                        (ix as u32, t)
                    })
                    .collect()
            })
            .collect();
        Fbm { fields, cols }
    }
    fn row(&self, y: f32) -> FbmRow<'_> {
        FbmRow(
            self.fields
                .iter()
                .zip(&self.cols)
                .map(|((f, a), cols)| (f.row(y), f.inv, *a, cols.as_slice()))
                .collect(),
        )
    }
}

impl FbmRow<'_> {
    /// The value at any `x` (for shapes, which read fields at other scales).
    fn at(&self, x: f32) -> f32 {
        self.0
            .iter()
            .map(|(r, inv, a, _)| along(r, *inv, x) * a)
            .sum()
    }
    /// The value at pixel column `x` of the picture: `at(x as f32)`, faster.
    fn at_col(&self, x: usize) -> f32 {
        self.0
            .iter()
            .map(|(r, _, a, cols)| {
                let (i, t) = cols[x];
                let i = i as usize;
                (r[i] + (r[i + 1] - r[i]) * t) * a
            })
            .sum()
    }
}

type Rgb = [f32; 3];

struct Canvas {
    w: usize,
    h: usize,
    px: Vec<[u8; 3]>,
}

/// How a shape is shaded: `grad(x, y)` plus `amp` times a texture field
/// read at `scale` times the pixel's coordinates.
struct Shade<'a, G: Fn(f32, f32) -> f32> {
    grad: G,
    tex: &'a Fbm,
    scale: f32,
    amp: f32,
}

impl Canvas {
    /// Paints the pixels inside (x0,y0)-(x1,y1) for which `inside` holds with
    /// `color` times the shade.
    fn fill<G: Fn(f32, f32) -> f32>(
        &mut self,
        (x0, y0, x1, y1): (f32, f32, f32, f32),
        color: Rgb,
        inside: impl Fn(f32, f32) -> bool,
        shade: Shade<G>,
    ) {
        let xa = x0.max(0.0) as usize;
        let xb = (x1.min(self.w as f32 - 1.0)).max(0.0) as usize;
        let ya = y0.max(0.0) as usize;
        let yb = (y1.min(self.h as f32 - 1.0)).max(0.0) as usize;
        if xa > xb || ya > yb {
            return;
        }
        for y in ya..=yb {
            let fy = y as f32;
            let row = shade.tex.row(fy * shade.scale);
            for x in xa..=xb {
                let fx = x as f32;
                if inside(fx, fy) {
                    let tex = if shade.scale == 1.0 {
                        row.at_col(x)
                    } else {
                        row.at(fx * shade.scale)
                    };
                    let s = (shade.grad)(fx, fy) + shade.amp * tex;
                    self.px[y * self.w + x] = color.map(|c| (c * s).clamp(0.0, 255.0) as u8);
                }
            }
        }
    }
}

fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    [
        a[0] + (b[0] - a[0]) * t,
        a[1] + (b[1] - a[1]) * t,
        a[2] + (b[2] - a[2]) * t,
    ]
}

/// The pixels of one scene, RGB8, `w`×`h`.
fn render(rng: &mut Rng, w: usize, h: usize) -> Vec<u8> {
    let (wf, hf) = (w as f32, h as f32);
    let horizon = hf * rng.range(0.28, 0.55);
    let hills = Fbm::new(rng, w, h, &[(700.0, 0.05), (180.0, 0.012)]);
    let clouds = Fbm::new(
        rng,
        w,
        h,
        &[(900.0, 0.6), (300.0, 0.3), (90.0, 0.12), (25.0, 0.04)],
    );
    let texture_amp = rng.range(0.15, 0.4);
    let ground_tex = Fbm::new(
        rng,
        w,
        h,
        &[
            (500.0, 0.5),
            (140.0, 0.3),
            (40.0, 0.3),
            (11.0, 0.3),
            (3.0, 0.2),
        ],
    );
    let light = Fbm::new(rng, w, h, &[(1200.0, 0.15), (400.0, 0.06)]);
    let sky_top = [
        rng.range(40.0, 90.0),
        rng.range(90.0, 140.0),
        rng.range(170.0, 230.0),
    ];
    let sky_low = [
        rng.range(180.0, 230.0),
        rng.range(200.0, 235.0),
        rng.range(215.0, 250.0),
    ];
    let grounds: [Rgb; 5] = [
        [70.0, 110.0, 50.0],
        [120.0, 115.0, 105.0],
        [140.0, 60.0, 45.0],
        [150.0, 120.0, 80.0],
        [90.0, 95.0, 100.0],
    ];
    let ground = grounds[rng.below(5) as usize];
    let ground = ground.map(|c| c * rng.range(0.8, 1.2));

    let hill_row = hills.row(0.0);
    let line: Vec<f32> = (0..w).map(|x| horizon + hill_row.at_col(x) * hf).collect();
    let mut c = Canvas {
        w,
        h,
        px: vec![[0; 3]; w * h],
    };
    for y in 0..h {
        let fy = y as f32;
        let (cloud_row, ground_row) = (clouds.row(fy), ground_tex.row(fy));
        for x in 0..w {
            let line = line[x];
            let p = if fy < line {
                let base = mix(sky_top, sky_low, (fy / line).sqrt());
                let cl = (cloud_row.at_col(x) + 0.1).clamp(0.0, 1.0);
                mix(base, [245.0, 245.0, 248.0], cl)
            } else {
                let t = 1.0 + ground_row.at_col(x) * texture_amp;
                let depth = 0.75 + 0.35 * ((fy - line) / (hf - line + 1.0));
                ground.map(|v| v * t * depth)
            };
            c.px[y * w + x] = p.map(|v| v.clamp(0.0, 255.0) as u8);
        }
    }

    // A building or hall front, a red banner with rows of yellow letters.
    let bx0 = wf * rng.range(0.05, 0.25);
    let bx1 = wf * rng.range(0.75, 0.95);
    let by0 = horizon - hf * rng.range(0.1, 0.25);
    let wall = [
        rng.range(180.0, 240.0),
        rng.range(170.0, 230.0),
        rng.range(140.0, 210.0),
    ];
    let wall_tex = Fbm::new(rng, w, h, &[(60.0, 0.06), (7.0, 0.06)]);
    let wall_shade = || Shade {
        grad: |_, _| 1.0,
        tex: &wall_tex,
        scale: 1.0,
        amp: 1.0,
    };
    c.fill(
        (bx0, by0, bx1, horizon + hf * 0.05),
        wall,
        |_, _| true,
        wall_shade(),
    );
    let (nx0, nx1) = (bx0 + (bx1 - bx0) * 0.1, bx1 - (bx1 - bx0) * 0.1);
    let (ny0, ny1) = (by0 + hf * 0.02, by0 + hf * rng.range(0.07, 0.11));
    c.fill(
        (nx0, ny0, nx1, ny1),
        [200.0, 25.0, 30.0],
        |_, _| true,
        wall_shade(),
    );
    let letter = (ny1 - ny0) / 4.0;
    for row in 0..2 {
        let ly = ny0 + letter * (0.6 + 1.6 * row as f32);
        let mut lx = nx0 + letter;
        while lx < nx1 - letter * 2.0 {
            for _ in 0..2 + rng.below(3) {
                let sx = lx + rng.range(0.0, 0.6) * letter;
                let sy = ly + rng.range(0.0, 0.7) * letter;
                let (sw, sh) = if rng.below(2) == 0 {
                    (letter * 0.18, letter * rng.range(0.3, 0.9))
                } else {
                    (letter * rng.range(0.3, 0.7), letter * 0.16)
                };
                c.fill(
                    (sx, sy, sx + sw, sy + sh),
                    [250.0, 220.0, 60.0],
                    |_, _| true,
                    wall_shade(),
                );
            }
            lx += letter * if rng.below(6) == 0 { 1.6 } else { 0.9 };
        }
    }

    // Tables and rows of people: dark or white shirts, skin-toned heads.
    let rows = 2 + rng.below(4);
    for r in 0..rows {
        let ry = horizon + (hf - horizon) * (0.15 + 0.8 * r as f32 / rows as f32);
        let scale = 0.6 + 0.6 * (ry - horizon) / (hf - horizon);
        let head = hf * 0.025 * scale;
        let mut x = rng.range(0.0, head * 3.0);
        while x < wf {
            let body = [
                [30.0, 35.0, 50.0],
                [235.0, 235.0, 230.0],
                [60.0, 80.0, 60.0],
                [150.0, 30.0, 40.0],
            ][rng.below(4) as usize];
            let (cx, cy) = (
                x + rng.range(-head, head) * 0.3,
                ry - head * rng.range(2.5, 3.2),
            );
            let bw = head * rng.range(1.6, 2.2);
            let grad = |px: f32, _| 0.85 + 0.1 * ((px - cx) / bw);
            c.fill(
                (cx - bw, cy + head, cx + bw, ry),
                body,
                |_, _| true,
                Shade {
                    grad,
                    tex: &light,
                    scale: 4.0,
                    amp: 0.15,
                },
            );
            let skin = [
                rng.range(190.0, 235.0),
                rng.range(150.0, 190.0),
                rng.range(120.0, 160.0),
            ];
            let hr = head * rng.range(0.8, 1.0);
            c.fill(
                (cx - hr, cy - hr * 1.2, cx + hr, cy + hr * 1.2),
                skin,
                |px, py| ((px - cx) / hr).powi(2) + ((py - cy) / (hr * 1.2)).powi(2) <= 1.0,
                Shade {
                    grad: |px, py| 1.0 - 0.2 * ((py - cy) / hr).max(0.0) - 0.08 * ((px - cx) / hr),
                    tex: &light,
                    scale: 3.0,
                    amp: 0.1,
                },
            );
            c.fill(
                (cx - hr * 1.05, cy - hr * 1.3, cx + hr * 1.05, cy - hr * 0.4),
                [25.0, 22.0, 20.0],
                |px, py| {
                    ((px - cx) / (hr * 1.05)).powi(2) + ((py - cy + hr * 0.4) / (hr * 0.9)).powi(2)
                        <= 1.0
                },
                Shade {
                    grad: |_, _| 1.0,
                    tex: &light,
                    scale: 9.0,
                    amp: 0.3,
                },
            );
            x += head * rng.range(2.6, 4.5);
        }
        let cloth = [
            [240.0, 240.0, 235.0],
            [40.0, 90.0, 160.0],
            [170.0, 30.0, 35.0],
        ][rng.below(3) as usize];
        let grad = |_, py: f32| 0.9 + 0.05 * ((py - ry) / head);
        c.fill(
            (0.0, ry - head * 0.3, wf, ry + head * 1.6),
            cloth,
            |_, _| true,
            Shade {
                grad,
                tex: &ground_tex,
                scale: 1.0,
                amp: 0.08,
            },
        );
    }

    // Light falling off to the corners, lens softness, sensor noise.
    let noise = rng.range(7.0, 13.0);
    let mut seed = rng.next() | 1;
    let mut out = vec![0u8; w * h * 3];
    for y in 0..h {
        let fy = y as f32;
        let light_row = light.row(fy);
        for x in 0..w {
            let fx = x as f32;
            let (dx, dy) = (fx / wf - 0.5, fy / hf - 0.5);
            let v = (1.0 - 0.45 * (dx * dx + dy * dy)) * (1.0 + light_row.at_col(x));
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = |k: u32| {
                ((seed >> k) & 0xFF) as f32 / 255.0 + ((seed >> (k + 8)) & 0xFF) as f32 / 255.0
                    - 1.0
            };
            let luma = n(0) * noise;
            let p = c.px[y * w + x];
            for (ch, k) in [16u32, 32, 48].into_iter().enumerate() {
                let val = f32::from(p[ch]) * v + luma + n(k) * noise * 0.4;
                out[(y * w + x) * 3 + ch] = val.clamp(0.0, 255.0) as u8;
            }
        }
    }
    out
}

/// Turns a `w`×`h` picture a quarter turn counter-clockwise (what a phone
/// held upright stores, with orientation 6 telling viewers to turn it back).
fn rotate_ccw(px: &[u8], w: usize, h: usize) -> Vec<u8> {
    let mut out = vec![0u8; px.len()];
    for y in 0..h {
        for x in 0..w {
            let (nx, ny) = (y, w - 1 - x);
            let (src, dst) = ((y * w + x) * 3, (ny * h + nx) * 3);
            out[dst..dst + 3].copy_from_slice(&px[src..src + 3]);
        }
    }
    out
}

struct Camera {
    make: &'static str,
    model: &'static str,
}

const CAMERAS: [Camera; 6] = [
    Camera {
        make: "Apple",
        model: "iPhone 13",
    },
    Camera {
        make: "samsung",
        model: "SM-A536E",
    },
    Camera {
        make: "Canon",
        model: "Canon EOS 80D",
    },
    Camera {
        make: "NIKON CORPORATION",
        model: "NIKON D7500",
    },
    Camera {
        make: "Xiaomi",
        model: "Redmi Note 12",
    },
    Camera {
        make: "OPPO",
        model: "CPH2385",
    },
];

/// One TIFF directory entry: tag, type (1 BYTE, 2 ASCII, 3 SHORT, 4 LONG,
/// 5 RATIONAL), count, and its value bytes (little-endian).
struct Entry(u16, u16, u32, Vec<u8>);

fn ascii(tag: u16, s: &str) -> Entry {
    let mut v = s.as_bytes().to_vec();
    v.push(0);
    Entry(tag, 2, v.len() as u32, v)
}

fn rationals(tag: u16, vals: &[(u32, u32)]) -> Entry {
    let v = vals
        .iter()
        .flat_map(|(n, d)| [n.to_le_bytes(), d.to_le_bytes()])
        .flatten()
        .collect();
    Entry(tag, 5, vals.len() as u32, v)
}

fn ifd_len(entries: &[Entry]) -> usize {
    let data: usize = entries
        .iter()
        .filter(|e| e.3.len() > 4)
        .map(|e| e.3.len().div_ceil(2) * 2)
        .sum();
    2 + 12 * entries.len() + 4 + data
}

/// Appends a directory at `out.len()` (its offset in the TIFF), values of
/// more than four bytes after it.
fn write_ifd(out: &mut Vec<u8>, entries: &[Entry]) {
    let mut data_at = out.len() + 2 + 12 * entries.len() + 4;
    let mut data = Vec::new();
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    for Entry(tag, ty, count, val) in entries {
        out.extend_from_slice(&tag.to_le_bytes());
        out.extend_from_slice(&ty.to_le_bytes());
        out.extend_from_slice(&count.to_le_bytes());
        if val.len() <= 4 {
            let mut inline = val.clone();
            inline.resize(4, 0);
            out.extend_from_slice(&inline);
        } else {
            out.extend_from_slice(&(data_at as u32).to_le_bytes());
            data.extend_from_slice(val);
            if val.len() % 2 == 1 {
                data.push(0);
            }
            data_at += val.len().div_ceil(2) * 2;
        }
    }
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&data);
}

/// The APP1 segment of a camera: "Exif\0\0" and a TIFF with IFD0 (make,
/// model, orientation, date), the Exif IFD (date taken, serial number) and
/// the GPS IFD (latitude, longitude, altitude).
fn exif_app1(rng: &mut Rng, orientation: u16) -> Vec<u8> {
    let cam = &CAMERAS[rng.below(CAMERAS.len() as u32) as usize];
    let date = format!(
        "{}:{:02}:{:02} {:02}:{:02}:{:02}",
        2015 + rng.below(12),
        1 + rng.below(12),
        1 + rng.below(28),
        7 + rng.below(11),
        rng.below(60),
        rng.below(60)
    );
    let serial = format!("{:012}", rng.next() % 1_000_000_000_000);
    let dms = |deg: f32| {
        let m = deg.fract() * 60.0;
        [
            (deg as u32, 1),
            (m as u32, 1),
            ((m.fract() * 60.0 * 100.0) as u32, 100),
        ]
    };
    let (lat, lon) = (
        22.147 + rng.range(-0.3, 0.3),
        105.834 + rng.range(-0.3, 0.3),
    );
    let mut ifd0 = vec![
        ascii(0x010F, cam.make),
        ascii(0x0110, cam.model),
        Entry(0x0112, 3, 1, orientation.to_le_bytes().to_vec()),
        ascii(0x0132, &date),
        Entry(0x8769, 4, 1, vec![0; 4]),
        Entry(0x8825, 4, 1, vec![0; 4]),
    ];
    let exif = vec![ascii(0x9003, &date), ascii(0xA431, &serial)];
    let gps = vec![
        Entry(0x0000, 1, 4, vec![2, 3, 0, 0]),
        ascii(0x0001, "N"),
        rationals(0x0002, &dms(lat)),
        ascii(0x0003, "E"),
        rationals(0x0004, &dms(lon)),
        Entry(0x0005, 1, 1, vec![0]),
        rationals(0x0006, &[(150_000 + rng.below(600_000), 1000)]),
    ];
    let exif_at = 8 + ifd_len(&ifd0);
    let gps_at = exif_at + ifd_len(&exif);
    ifd0[4].3 = (exif_at as u32).to_le_bytes().to_vec();
    ifd0[5].3 = (gps_at as u32).to_le_bytes().to_vec();
    let mut tiff = b"II*\0\x08\0\0\0".to_vec();
    write_ifd(&mut tiff, &ifd0);
    write_ifd(&mut tiff, &exif);
    write_ifd(&mut tiff, &gps);
    let mut seg = vec![0xFF, 0xE1];
    seg.extend_from_slice(&((2 + 6 + tiff.len()) as u16).to_be_bytes());
    seg.extend_from_slice(b"Exif\0\0");
    seg.extend_from_slice(&tiff);
    seg
}

/// The JPEG of photo `index`: the encoder's JFIF APP0 replaced by EXIF.
fn photo(seed: u64, index: u64) -> Vec<u8> {
    let mut rng = Rng::new(seed.wrapping_mul(1_000_003).wrapping_add(index));
    let kind = rng.below(10);
    let (w, h, orientation) = match kind {
        0..=6 => (4000, 3000, 1),
        7..=8 => (3000, 4000, 1),
        _ => (4000, 3000, 6),
    };
    let px = if orientation == 6 {
        rotate_ccw(&render(&mut rng, h, w), h, w)
    } else {
        render(&mut rng, w, h)
    };
    let mut jpeg = Vec::with_capacity(6 << 20);
    JpegEncoder::new_with_quality(&mut jpeg, QUALITY)
        .encode(&px, w as u32, h as u32, ExtendedColorType::Rgb8)
        .expect("encoding to memory cannot fail");
    let mut rest = &jpeg[2..];
    if rest[..2] == [0xFF, 0xE0] {
        let len = usize::from(u16::from_be_bytes([rest[2], rest[3]]));
        rest = &rest[2 + len..];
    }
    let mut out = vec![0xFF, 0xD8];
    out.extend_from_slice(&exif_app1(&mut rng, orientation));
    out.extend_from_slice(rest);
    out
}

fn file_of(out: &Path, seed: u64, index: u64) -> PathBuf {
    out.join(format!("photo-{seed}-{index:04}.jpg"))
}

fn usage() -> ! {
    eprintln!("usage: bench-photos --seed S --count N --out DIR [--jobs J]");
    process::exit(2)
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let (mut seed, mut count, mut out, mut jobs) = (1u64, None, None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let v = it.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--seed" => seed = v.parse().unwrap_or_else(|_| usage()),
            "--count" => count = Some(v.parse::<u64>().unwrap_or_else(|_| usage())),
            "--out" => out = Some(PathBuf::from(v)),
            "--jobs" => jobs = Some(v.parse::<usize>().unwrap_or_else(|_| usage())),
            _ => usage(),
        }
    }
    let (Some(count), Some(out)) = (count, out) else {
        usage()
    };
    if let Err(e) = fs::create_dir_all(&out) {
        eprintln!("bench-photos: cannot create {}: {e}", out.display());
        process::exit(1);
    }
    let jobs = jobs.unwrap_or_else(|| thread::available_parallelism().map_or(1, |n| n.get()));
    let todo: Vec<u64> = (0..count)
        .filter(|&i| fs::metadata(file_of(&out, seed, i)).map_or(true, |m| m.len() == 0))
        .collect();
    let t0 = Instant::now();
    let next = AtomicUsize::new(0);
    thread::scope(|s| {
        for _ in 0..jobs.max(1) {
            s.spawn(|| loop {
                let k = next.fetch_add(1, Ordering::Relaxed);
                let Some(&i) = todo.get(k) else { break };
                let path = file_of(&out, seed, i);
                let tmp = path.with_extension("jpg.tmp");
                if let Err(e) =
                    fs::write(&tmp, photo(seed, i)).and_then(|_| fs::rename(&tmp, &path))
                {
                    eprintln!("bench-photos: cannot write {}: {e}", path.display());
                    process::exit(1);
                }
            });
        }
    });
    eprintln!(
        "bench-photos: {} made, {} kept, {:.1} s",
        todo.len(),
        count - todo.len() as u64,
        t0.elapsed().as_secs_f64()
    );
}
