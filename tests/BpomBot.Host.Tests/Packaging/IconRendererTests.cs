using BpomBot.Host.Packaging;

namespace BpomBot.Host.Tests.Packaging;

public sealed class IconRendererTests
{
    [Fact]
    public void RenderColorPng_Always_Is192SquareOpaqueWithAccentBackground()
    {
        var image = PngImage.Decode(IconRenderer.RenderColorPng());

        Assert.Equal((192, 192), (image.Width, image.Height));
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                Assert.Equal(255, image.Pixel(x, y).A);
            }
        }

        var accent = IconRenderer.Blue;
        Assert.Equal((accent.R, accent.G, accent.B, (byte)255), image.Pixel(0, 0));
        Assert.Equal((accent.R, accent.G, accent.B, (byte)255), image.Pixel(191, 191));
        Assert.NotEqual(image.Pixel(0, 0), image.Pixel(96, 60)); // something is drawn in the middle
    }

    [Fact]
    public void RenderOutlinePng_Always_Is32SquareWhiteOnTransparent()
    {
        var image = PngImage.Decode(IconRenderer.RenderOutlinePng());

        Assert.Equal((32, 32), (image.Width, image.Height));
        int transparent = 0, solid = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b, a) = image.Pixel(x, y);
                if (a == 0)
                {
                    transparent++;
                    continue;
                }

                Assert.True((r, g, b) == (255, 255, 255), $"pixel ({x},{y}) is ({r},{g},{b},{a}); the outline icon may only hold white");
                solid += a == 255 ? 1 : 0;
            }
        }

        Assert.Equal(0, image.Pixel(0, 0).A);
        Assert.Equal(0, image.Pixel(31, 0).A);
        Assert.True(transparent > 32 * 32 / 3, $"only {transparent} transparent pixels");
        Assert.True(solid > 60, $"only {solid} solid white pixels");
    }

    [Fact]
    public void Render_CalledTwice_GivesIdenticalBytes()
    {
        byte[] colorFirst = IconRenderer.RenderColorPng(), colorSecond = IconRenderer.RenderColorPng();
        byte[] outlineFirst = IconRenderer.RenderOutlinePng(), outlineSecond = IconRenderer.RenderOutlinePng();

        // Reproducible packages need byte-identical icons.
        Assert.Equal(colorFirst, colorSecond);
        Assert.Equal(outlineFirst, outlineSecond);
    }

    [Fact]
    public void PngWriter_BufferOfWrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => PngWriter.Write(2, 2, new byte[15]));
    }

    [Fact]
    public void PngWriter_Pixels_RoundTripThroughDecoder()
    {
        byte[] rgba = [1, 2, 3, 4, 250, 251, 252, 253, 0, 0, 0, 0, 255, 255, 255, 255, 9, 8, 7, 6, 60, 70, 80, 90];

        var image = PngImage.Decode(PngWriter.Write(3, 2, rgba));

        Assert.Equal((3, 2), (image.Width, image.Height));
        Assert.Equal(rgba, image.Rgba);
    }
}
