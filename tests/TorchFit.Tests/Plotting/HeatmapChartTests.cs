using System.Buffers.Binary;
using System.Globalization;
using System.Xml.Linq;
using SkiaSharp;
using TorchFit.Plotting;
using Xunit;

namespace TorchFit.Tests.Plotting;

public sealed class HeatmapChartTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The grey the chart fills cells without a value with.</summary>
    private static readonly SKColor MissingGrey = new(0xD0, 0xD0, 0xD0);

    private static readonly SKColor ViridisLow = ToSk(new ScottPlot.Colormaps.Viridis().GetColor(0));
    private static readonly SKColor ViridisHigh = ToSk(new ScottPlot.Colormaps.Viridis().GetColor(1));

    private readonly TempDirectory _temp = new("torchfit-heatmap-tests-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_Write_Png_Of_Requested_Size()
    {
        // Given a 4×4 sweep with one diverged cell
        string path = _temp.Combine("sweep.png");

        // When it is saved as a 640x420 PNG
        HeatmapChart.Save(path, "sweep", Sweep(), 640, 420);

        // Then the file is a PNG whose header says 640x420, and it holds a drawing
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(640, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(420, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        Assert.True(bytes.Length > 10_000, $"a heatmap with labels and cell text should be well above an empty image; got {bytes.Length} bytes");
    }

    [Fact]
    public void Should_Write_Svg_With_Every_Label()
    {
        // Given a sweep with a subtitle, a column mark and cell text XML must escape
        string path = _temp.Combine("sweep.SVG");
        HeatmapData data = Sweep() with
        {
            Subtitle = "full-batch limit η < 0.01339",
            ColumnMark = new HeatmapColumnMark(2.5, "stability & limit"),
        };

        // When it is saved with an .svg extension (in upper case)
        HeatmapChart.Save(path, "svg heatmap", data);

        // Then the file is well-formed SVG naming the title, subtitle, axes, colour bar, categories, mark and cell text
        XDocument document = XDocument.Load(path);
        Assert.Equal("svg", document.Root!.Name.LocalName);
        string text = document.Root.Value;
        foreach (string expected in new[]
        {
            "svg heatmap", "full-batch limit η < 0.01339", "learning rate η", "batch size", "log10 final MSE",
            "200", "0.013", "stability & limit", "diverged @ 412", "3.2e-11",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Should_Draw_Row_Zero_At_The_Top_Low_Values_In_The_Low_Colour_And_Missing_Values_Grey()
    {
        // Given a 2×2 grid: top-left the lowest value, bottom-left no value, bottom-right the highest value
        double[,] values = { { -14, -7 }, { double.NaN, 0 } };
        var data = new HeatmapData(["top", "bottom"], ["left", "right"], values, null, "x", "y", "z");
        string path = _temp.Combine("orientation.png");

        // When it is drawn without cell text
        HeatmapChart.Save(path, "orientation", data, 600, 400);

        // Then the low colour fills the top-left quarter, the grey the bottom-left one and the high colour the
        // bottom-right one (a few pixels of the low and high colour also sit at the ends of the colour bar)
        using SKBitmap image = SKBitmap.Decode(path);
        int lowTopLeft = Count(image, ViridisLow, Quarter.TopLeft);
        Assert.True(lowTopLeft > 10_000, $"the top-left cell should be the colormap's low colour; {lowTopLeft} pixels are");
        Assert.True(Count(image, ViridisLow, Quarter.BottomLeft) < lowTopLeft / 50, "row 0 must be drawn at the top");
        int greyBottomLeft = Count(image, MissingGrey, Quarter.BottomLeft);
        Assert.True(greyBottomLeft > 10_000, $"the missing cell should be grey; {greyBottomLeft} pixels are");
        Assert.True(Count(image, MissingGrey, Quarter.TopLeft) < greyBottomLeft / 50, "the missing cell is the bottom-left one");
        int highBottomRight = Count(image, ViridisHigh, Quarter.BottomRight);
        Assert.True(highBottomRight > 10_000, $"the bottom-right cell should be the colormap's high colour; {highBottomRight} pixels are");
        Assert.True(Count(image, ViridisHigh, Quarter.TopRight) < highBottomRight / 50, "the top-right cell is mid-scale");
    }

    [Fact]
    public void Should_Write_White_Text_On_Dark_Cells_And_Black_Text_On_Light_Cells()
    {
        // Given a dark (lowest) and a light (highest) cell, both with text
        double[,] values = { { 0, 1 } };
        string?[,] text = { { "WWWW", "WWWW" } };
        var data = new HeatmapData(["row"], ["dark", "light"], values, text, "x", "y", "z");
        string path = _temp.Combine("text.png");

        // When it is drawn
        HeatmapChart.Save(path, "text colour", data, 600, 400);

        // Then inside the dark cell there is white text and no black, and inside the light cell the reverse
        using SKBitmap image = SKBitmap.Decode(path);
        SKRectI dark = Bounds(image, ViridisLow, maxX: image.Width / 2);
        SKRectI light = Bounds(image, ViridisHigh, maxX: image.Width * 3 / 4);
        Assert.True(Count(image, dark, IsNearWhite) > 50, "dark cell: white text expected");
        Assert.Equal(0, Count(image, dark, IsNearBlack));
        Assert.True(Count(image, light, IsNearBlack) > 50, "light cell: black text expected");
        Assert.Equal(0, Count(image, light, IsNearWhite));
    }

    [Fact]
    public void Should_Draw_A_Grid_Where_No_Value_Is_Finite()
    {
        // Given only NaN and infinite values
        double[,] values = { { double.NaN, double.PositiveInfinity }, { double.NegativeInfinity, double.NaN } };
        string?[,] text = { { "diverged", "diverged" }, { "—", null } };
        var data = new HeatmapData(["1", "8"], ["0.1", "1"], values, text, "x", "y", "z");
        string png = _temp.Combine("nothing.png");
        string svg = _temp.Combine("nothing.svg");

        // When it is saved in both formats
        HeatmapChart.Save(png, "nothing finite", data, 500, 300);
        HeatmapChart.Save(svg, "nothing finite", data, 500, 300);

        // Then both files are written and the cells are grey
        using SKBitmap image = SKBitmap.Decode(png);
        Assert.True(Count(image, MissingGrey, Quarter.TopLeft) > 5_000);
        Assert.Contains("diverged", XDocument.Load(svg).Root!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Draw_A_Single_Cell()
    {
        // Given a 1×1 grid (one value, so the colour scale has no width)
        var data = new HeatmapData(["32"], ["0.01"], new double[,] { { -7 } }, new string?[,] { { "1e-7" } }, "x", "y", "z");
        string path = _temp.Combine("one.png");

        // When it is drawn
        HeatmapChart.Save(path, "one cell", data, 500, 300);

        // Then the cell is filled (mid-scale, so neither end colour nor grey covers it)
        using SKBitmap image = SKBitmap.Decode(path);
        SKColor centre = image.GetPixel(image.Width / 3, image.Height / 3);
        Assert.NotEqual(SKColors.White, centre);
        Assert.NotEqual(MissingGrey, centre);
    }

    [Fact]
    public void Should_Draw_A_Large_Grid_With_Long_Labels_And_Epoch_Counts()
    {
        // Given a 10×12 grid of epoch counts with some never reached, long column labels and a column mark
        var values = new double[10, 12];
        var text = new string?[10, 12];
        for (int r = 0; r < 10; r++)
        {
            for (int c = 0; c < 12; c++)
            {
                values[r, c] = (r * 12 + c) % 7 == 0 ? double.NaN : Math.Pow(10, (r + c) / 5.0);
                text[r, c] = double.IsNaN(values[r, c]) ? "—" : values[r, c].ToString("0", CultureInfo.InvariantCulture);
            }
        }

        string[] rows = Enumerable.Range(0, 10).Select(i => (1 << i).ToString(CultureInfo.InvariantCulture)).ToArray();
        string[] columns = Enumerable.Range(0, 12).Select(i => $"η = {0.0005 * (i + 1):0.0000} (warm-up)").ToArray();
        var data = new HeatmapData(rows, columns, values, text, "learning rate", "batch size", "epochs to 1e-10",
            "— never reached", new HeatmapColumnMark(7.3, "limit"));
        string png = _temp.Combine("large.png");
        string svg = _temp.Combine("large.svg");

        // When it is saved in both formats
        HeatmapChart.Save(png, "large", data);
        HeatmapChart.Save(svg, "large", data);

        // Then both are complete images
        Assert.Equal(PngSignature, File.ReadAllBytes(png)[..8]);
        Assert.Contains("(warm-up)", XDocument.Load(svg).Root!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Reject_Mismatched_Label_Counts_Without_Writing()
    {
        // Given grids whose row labels, column labels or cell text do not match the values
        string path = _temp.Combine("bad.png");
        HeatmapData good = Sweep();
        HeatmapData[] bad =
        [
            good with { RowLabels = ["1", "8", "32"] },
            good with { ColumnLabels = ["0.001", "0.003", "0.01", "0.013", "0.02"] },
            good with { CellText = new string?[4, 3] },
            good with { Values = new double[0, 4], RowLabels = [] },
            good with { RowLabels = ["1", null!, "32", "200"] },
            good with { ColumnMark = new HeatmapColumnMark(3.6, "beyond the last column") },
            good with { ColumnMark = new HeatmapColumnMark(double.NaN, "nowhere") },
        ];

        foreach (HeatmapData data in bad)
        {
            // When each is saved
            var error = Assert.Throws<ArgumentException>(() => HeatmapChart.Save(path, "bad", data));

            // Then the error names the data argument
            Assert.Equal("data", error.ParamName);
        }

        // And nothing was written
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void Should_Name_The_Counts_When_Labels_Do_Not_Match()
    {
        // Given three row labels for four rows
        HeatmapData data = Sweep() with { RowLabels = ["1", "8", "32"] };

        // When it is saved
        var error = Assert.Throws<ArgumentException>(() => HeatmapChart.Save(_temp.Combine("x.png"), "bad", data));

        // Then the message says how many of each there are
        Assert.Contains("4 rows but 3 row labels", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("heatmap.gif")]
    [InlineData("heatmap")]
    public void Should_Reject_An_Unsupported_Extension_Without_Writing(string name)
    {
        // Given a path whose extension is not .png or .svg
        string path = _temp.Combine(name);

        // When the chart is saved there
        var error = Assert.Throws<ArgumentException>(() => HeatmapChart.Save(path, "bad", Sweep()));

        // Then the error names the path argument and nothing was written
        Assert.Equal("path", error.ParamName);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Theory]
    [InlineData(0, 600)]
    [InlineData(-1, 600)]
    [InlineData(900, 0)]
    public void Should_Reject_Non_Positive_Size_Without_Writing(int width, int height)
    {
        // Given a non-positive image size
        string path = _temp.Combine("size.png");

        // When the chart is saved
        Assert.Throws<ArgumentOutOfRangeException>(() => HeatmapChart.Save(path, "size", Sweep(), width, height));

        // Then nothing was written
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void Should_Reject_Null_Arguments()
    {
        string path = _temp.Combine("null.png");
        Assert.Throws<ArgumentNullException>(() => HeatmapChart.Save(path, "null", null!));
        Assert.Throws<ArgumentNullException>(() => HeatmapChart.Save(path, null!, Sweep()));
        Assert.ThrowsAny<ArgumentException>(() => HeatmapChart.Save(" ", "blank", Sweep()));
    }

    [Fact]
    public void Should_Replace_An_Existing_File_Without_Leaving_A_Temporary_File()
    {
        // Given an old file under the chart's name
        string path = _temp.Combine("sweep.png");
        File.WriteAllText(path, "old content");

        // When the chart is saved there
        HeatmapChart.Save(path, "replace", Sweep());

        // Then the file now holds the PNG and it is the only entry in the directory
        Assert.Equal(PngSignature, File.ReadAllBytes(path)[..8]);
        Assert.Equal([path], Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void Should_Leave_No_Temporary_File_When_The_Final_Move_Fails()
    {
        // Given a directory squatting on the chart's final name
        string path = _temp.Combine("sweep.svg");
        Directory.CreateDirectory(path);

        // When the chart is saved there
        Assert.ThrowsAny<IOException>(() => HeatmapChart.Save(path, "blocked", Sweep()));

        // Then the temporary file is gone and the directory is untouched
        Assert.Equal([path], Directory.EnumerateFileSystemEntries(_temp.Path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(path));
    }

    [Fact]
    public void Should_Write_Every_Line_Of_A_Multi_Line_Subtitle()
    {
        // Given a subtitle of three lines
        string path = _temp.Combine("lines.svg");
        HeatmapData data = Sweep() with { Subtitle = "problem: uniform 200×300, seed 0 · run seeds 0, 1, 2\ncell: median over them\nlimit line" };

        // When it is saved
        HeatmapChart.Save(path, "lines", data);

        // Then each line is in the drawing
        string text = XDocument.Load(path).Root!.Value;
        foreach (string line in new[] { "problem: uniform 200×300, seed 0 · run seeds 0, 1, 2", "cell: median over them", "limit line" })
        {
            Assert.Contains(line, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Should_Keep_A_Column_Mark_Label_At_The_Right_Edge_Inside_The_Image()
    {
        // Given a column mark on the grid's right edge with a long label
        string path = _temp.Combine("edge.png");
        HeatmapData data = Sweep() with { ColumnMark = new HeatmapColumnMark(3.5, "heavy ball stability limit η < 0.0263518 (beyond the grid)") };

        // When it is drawn
        HeatmapChart.Save(path, "edge", data, 900, 600);

        // Then the label's red text ends at the line, not past the image's right edge
        using SKBitmap image = SKBitmap.Decode(path);
        static bool IsMarkRed(SKColor c) => c.Red > 170 && c.Green < 110 && c.Blue < 110;
        Assert.True(Count(image, new SKRectI(0, 0, image.Width, image.Height / 5), IsMarkRed) > 100, "the label should be drawn");
        Assert.Equal(0, Count(image, new SKRectI(image.Width - 40, 0, image.Width, image.Height / 5), IsMarkRed));
    }

    /// <summary>A realistic 4×4 batch-size × learning-rate sweep of log10 final MSE with one diverged run.</summary>
    private static HeatmapData Sweep()
    {
        double[,] values =
        {
            { -6.1, -9.8, -12.7, double.NaN },
            { -6.0, -10.5, -12.4, -12.9 },
            { -5.9, -9.1, -11.8, -12.6 },
            { -5.8, -8.9, -11.6, -12.4 },
        };
        var text = new string?[4, 4];
        for (int r = 0; r < 4; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                text[r, c] = double.IsNaN(values[r, c])
                    ? "diverged @ 412"
                    : Math.Pow(10, values[r, c]).ToString("0.0e0", CultureInfo.InvariantCulture);
            }
        }

        return new HeatmapData(
            ["1", "8", "32", "200"], ["0.001", "0.003", "0.01", "0.013"], values, text,
            "learning rate η", "batch size", "log10 final MSE");
    }

    private enum Quarter
    {
        TopLeft,
        TopRight,
        BottomLeft,
        BottomRight,
    }

    private static int Count(SKBitmap image, SKColor color, Quarter quarter)
    {
        int halfWidth = image.Width / 2;
        int halfHeight = image.Height / 2;
        bool right = quarter is Quarter.TopRight or Quarter.BottomRight;
        bool bottom = quarter is Quarter.BottomLeft or Quarter.BottomRight;
        var area = new SKRectI(right ? halfWidth : 0, bottom ? halfHeight : 0, right ? image.Width : halfWidth, bottom ? image.Height : halfHeight);
        return Count(image, area, pixel => pixel == color);
    }

    private static int Count(SKBitmap image, SKRectI area, Func<SKColor, bool> match)
    {
        int count = 0;
        for (int y = area.Top; y < area.Bottom; y++)
        {
            for (int x = area.Left; x < area.Right; x++)
            {
                if (match(image.GetPixel(x, y)))
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>The bounding box of the pixels of exactly <paramref name="color"/> left of <paramref name="maxX"/>, shrunk by 4 px.</summary>
    private static SKRectI Bounds(SKBitmap image, SKColor color, int maxX)
    {
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < maxX; x++)
            {
                if (image.GetPixel(x, y) == color)
                {
                    left = Math.Min(left, x);
                    top = Math.Min(top, y);
                    right = Math.Max(right, x);
                    bottom = Math.Max(bottom, y);
                }
            }
        }

        Assert.True(right - left > 50 && bottom - top > 50, $"no cell of colour {color} found");
        return new SKRectI(left + 4, top + 4, right - 4, bottom - 4);
    }

    private static bool IsNearWhite(SKColor c) => c.Red > 230 && c.Green > 230 && c.Blue > 230;

    private static bool IsNearBlack(SKColor c) => c.Red < 40 && c.Green < 40 && c.Blue < 40;

    private static SKColor ToSk(ScottPlot.Color color) => new(color.R, color.G, color.B, color.A);
}
