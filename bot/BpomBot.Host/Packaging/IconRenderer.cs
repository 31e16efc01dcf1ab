namespace BpomBot.Host.Packaging;

/// <summary>
/// Draws the two Teams app icons in code, so the package needs no binary artwork in the repository:
/// a 192×192 full-colour icon (white SOP sheet with a green check badge on BPOM blue) and a 32×32
/// outline icon (the same sheet and badge in white on a transparent background).
/// </summary>
internal static class IconRenderer
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    /// <summary>The background colour of the colour icon; the manifest's accentColor uses the same value.</summary>
    public static readonly Rgb Blue = new(0x0B, 0x53, 0x94);
    private static readonly Rgb White = new(0xFF, 0xFF, 0xFF);
    private static readonly Rgb Green = new(0x2E, 0x9E, 0x5B);
    private static readonly Rgb LineBlue = new(0x6F, 0x9F, 0xCF);

    public static byte[] RenderColorPng()
    {
        var canvas = new Canvas(ColorSize, ColorSize);
        canvas.Fill(Shapes.Rect(0, 0, ColorSize, ColorSize), Blue);

        // The sheet stays inside Teams' central safe area (about 120×120).
        canvas.Fill(Shapes.RoundedRect(54, 38, 130, 152, 10), White);
        canvas.Fill(Shapes.RoundedRect(76, 30, 108, 48, 6), LineBlue);
        foreach (var y in new[] { 70.0, 90.0, 110.0 })
        {
            canvas.Fill(Shapes.RoundedRect(68, y, 116, y + 8, 4), LineBlue);
        }

        canvas.Fill(Shapes.Circle(128, 132, 30), Blue);
        canvas.Fill(Shapes.Circle(128, 132, 25), Green);
        canvas.Fill(Shapes.Polyline(4.5, (116, 132), (125, 141), (141, 123)), White);
        return canvas.ToPng();
    }

    public static byte[] RenderOutlinePng()
    {
        var canvas = new Canvas(OutlineSize, OutlineSize);
        canvas.Fill(Shapes.Subtract(Shapes.RoundedRect(6, 4, 24, 29, 2.5), Shapes.RoundedRect(8, 6, 22, 27, 1)), White);
        canvas.Fill(Shapes.RoundedRect(11, 2, 19, 6, 1.5), White);
        canvas.Fill(Shapes.Rect(10, 10, 20, 12), White);
        canvas.Fill(Shapes.Rect(10, 15, 17, 17), White);

        canvas.Erase(Shapes.Circle(22.5, 22.5, 8.5));
        canvas.Fill(Shapes.Circle(22.5, 22.5, 7), White);
        canvas.Erase(Shapes.Polyline(1.25, (18.9, 22.7), (21.4, 25.2), (26.1, 20.5)));
        return canvas.ToPng();
    }

    internal readonly record struct Rgb(byte R, byte G, byte B);

    /// <summary>A shape is a point-inside test in pixel coordinates (pixel (x, y) spans [x, x+1) × [y, y+1)).</summary>
    private delegate bool Shape(double x, double y);

    private static class Shapes
    {
        public static Shape Rect(double x0, double y0, double x1, double y1) =>
            (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1;

        public static Shape RoundedRect(double x0, double y0, double x1, double y1, double radius) => (x, y) =>
        {
            if (x < x0 || x >= x1 || y < y0 || y >= y1)
            {
                return false;
            }

            var dx = x - Math.Clamp(x, x0 + radius, x1 - radius);
            var dy = y - Math.Clamp(y, y0 + radius, y1 - radius);
            return (dx * dx) + (dy * dy) <= radius * radius;
        };

        public static Shape Circle(double cx, double cy, double radius) =>
            (x, y) => ((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) <= radius * radius;

        /// <summary>A stroke of the given half width along the points, with round caps and joins.</summary>
        public static Shape Polyline(double halfWidth, params (double X, double Y)[] points) => (x, y) =>
        {
            for (var i = 1; i < points.Length; i++)
            {
                if (DistanceToSegment(x, y, points[i - 1], points[i]) <= halfWidth)
                {
                    return true;
                }
            }

            return false;
        };

        public static Shape Subtract(Shape outer, Shape hole) => (x, y) => outer(x, y) && !hole(x, y);

        private static double DistanceToSegment(double x, double y, (double X, double Y) a, (double X, double Y) b)
        {
            var (vx, vy) = (b.X - a.X, b.Y - a.Y);
            var t = Math.Clamp((((x - a.X) * vx) + ((y - a.Y) * vy)) / ((vx * vx) + (vy * vy)), 0, 1);
            var (px, py) = (a.X + (t * vx) - x, a.Y + (t * vy) - y);
            return Math.Sqrt((px * px) + (py * py));
        }
    }

    /// <summary>A premultiplied-alpha RGBA canvas with 4×4 supersampled anti-aliasing.</summary>
    private sealed class Canvas(int width, int height)
    {
        private const int Samples = 4;
        private readonly double[] _pixels = new double[width * height * 4];

        public void Fill(Shape shape, Rgb color) => Paint(shape, (i, coverage) =>
        {
            var keep = 1 - coverage;
            _pixels[i] = (color.R / 255.0 * coverage) + (_pixels[i] * keep);
            _pixels[i + 1] = (color.G / 255.0 * coverage) + (_pixels[i + 1] * keep);
            _pixels[i + 2] = (color.B / 255.0 * coverage) + (_pixels[i + 2] * keep);
            _pixels[i + 3] = coverage + (_pixels[i + 3] * keep);
        });

        /// <summary>Cuts the shape out, making it transparent.</summary>
        public void Erase(Shape shape) => Paint(shape, (i, coverage) =>
        {
            for (var c = 0; c < 4; c++)
            {
                _pixels[i + c] *= 1 - coverage;
            }
        });

        public byte[] ToPng()
        {
            var rgba = new byte[_pixels.Length];
            for (var i = 0; i < _pixels.Length; i += 4)
            {
                var alpha = _pixels[i + 3];
                var alphaByte = ToByte(alpha);
                rgba[i + 3] = alphaByte;
                if (alphaByte == 0)
                {
                    continue; // fully transparent pixels are written as (0, 0, 0, 0)
                }

                for (var c = 0; c < 3; c++)
                {
                    rgba[i + c] = ToByte(_pixels[i + c] / alpha);
                }
            }

            return PngWriter.Write(width, height, rgba);
        }

        private static byte ToByte(double value) => (byte)Math.Round(Math.Clamp(value, 0, 1) * 255);

        private void Paint(Shape shape, Action<int, double> blend)
        {
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var hits = 0;
                    for (var sy = 0; sy < Samples; sy++)
                    {
                        for (var sx = 0; sx < Samples; sx++)
                        {
                            if (shape(x + ((sx + 0.5) / Samples), y + ((sy + 0.5) / Samples)))
                            {
                                hits++;
                            }
                        }
                    }

                    if (hits > 0)
                    {
                        blend(((y * width) + x) * 4, hits / (double)(Samples * Samples));
                    }
                }
            }
        }
    }
}
