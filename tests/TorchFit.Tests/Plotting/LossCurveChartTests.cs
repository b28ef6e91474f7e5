using System.Buffers.Binary;
using System.Xml.Linq;
using TorchFit.Plotting;
using Xunit;

namespace TorchFit.Tests.Plotting;

public sealed class LossCurveChartTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly TempDirectory _temp = new("torchfit-chart-tests-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_Write_Png_Of_Requested_Size()
    {
        // Given two falling loss curves and a reference level
        string path = _temp.Combine("loss.png");

        // When the chart is saved as a 640x400 PNG
        LossCurveChart.Save(path, "SGD on y = 2x + 1", TwoCurves(), [new ReferenceLevel("lstsq MSE", 1e-30)], 640, 400);

        // Then the file is a PNG whose header says 640x400, and it holds a drawing, not a blank image
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(640, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(400, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        Assert.True(bytes.Length > 10_000, $"a chart with curves, text and a legend should be well above an empty image; got {bytes.Length} bytes");
    }

    [Fact]
    public void Should_Render_The_Same_Png_In_Memory()
    {
        // Given the curves and level of a saved PNG chart
        string path = _temp.Combine("saved.png");
        ReferenceLevel[] levels = [new ReferenceLevel("lstsq MSE", 1e-30)];
        LossCurveChart.Save(path, "in memory", TwoCurves(), levels, 480, 300);

        // When the same chart is rendered to bytes (as a notebook displays it)
        byte[] png = LossCurveChart.RenderPng("in memory", TwoCurves(), levels, 480, 300);

        // Then it is a 480x300 PNG, byte for byte the file Save wrote
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal(480, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(300, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.Equal(File.ReadAllBytes(path), png);
    }

    [Fact]
    public void Should_Reject_An_Empty_Chart_In_Memory()
    {
        // Given no series, When a PNG is rendered, Then the caller hears why
        var error = Assert.Throws<ArgumentException>(() => LossCurveChart.RenderPng("empty", [], []));
        Assert.Equal("series", error.ParamName);
    }

    [Fact]
    public void Should_Write_Svg()
    {
        // Given a series and a reference level with distinctive labels, one with characters XML must escape
        string path = _temp.Combine("loss.svg");
        LossSeries[] series = [new LossSeries("lr < 0.1 & cpu", Falling(500, 1e-1, 1e-13))];

        // When the chart is saved with an .svg extension
        LossCurveChart.Save(path, "svg chart", series, [new ReferenceLevel("closed form", 1e-20)]);

        // Then the file is well-formed XML with an <svg> root that names the series, the level and both axes
        XDocument document = XDocument.Load(path);
        Assert.Equal("svg", document.Root!.Name.LocalName);
        string text = document.Root.Value;
        Assert.Contains("lr < 0.1 & cpu", text, StringComparison.Ordinal);
        Assert.Contains("closed form", text, StringComparison.Ordinal);
        Assert.Contains("epoch", text, StringComparison.Ordinal);
        Assert.Contains("MSE (log scale)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Choose_Format_From_Extension_Ignoring_Case()
    {
        // Given paths whose extensions are upper case
        string png = _temp.Combine("LOSS.PNG");
        string svg = _temp.Combine("LOSS.Svg");

        // When both are saved
        LossCurveChart.Save(png, "upper case", TwoCurves(), []);
        LossCurveChart.Save(svg, "upper case", TwoCurves(), []);

        // Then each file has the format its extension names
        Assert.Equal(PngSignature, File.ReadAllBytes(png)[..8]);
        Assert.Equal("svg", XDocument.Load(svg).Root!.Name.LocalName);
    }

    [Fact]
    public void Should_Label_Y_Axis_In_Powers_Of_Ten_Down_To_A_Reference_Level_Below_The_Curves()
    {
        // Given curves that bottom out near 1e-13 and a reference level at 1e-30
        string path = _temp.Combine("range.svg");

        // When the chart is saved
        LossCurveChart.Save(path, "range", TwoCurves(), [new ReferenceLevel("target", 1e-30)]);

        // Then the log axis is labelled 1e-N style and reaches down to the reference level
        string text = XDocument.Load(path).Root!.Value;
        Assert.Contains("1e-30", text, StringComparison.Ordinal);
        Assert.Contains("1e-10", text, StringComparison.Ordinal);
        Assert.Contains("1e0", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Not_Leave_Partial_File_When_Extension_Is_Unsupported()
    {
        // Given a path with an extension the chart cannot write
        string path = _temp.Combine("loss.gif");

        // When the chart is saved there
        var error = Assert.Throws<ArgumentException>(() => LossCurveChart.Save(path, "gif", TwoCurves(), []));

        // Then the error names the extension and nothing at all was written
        Assert.Contains(".gif", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void Should_Leave_No_Temporary_File_When_The_Final_Move_Fails()
    {
        // Given a directory squatting on the chart's final name, so the file cannot be moved into place
        string path = _temp.Combine("loss.png");
        Directory.CreateDirectory(path);

        // When the chart is saved there
        Assert.ThrowsAny<IOException>(() => LossCurveChart.Save(path, "blocked", TwoCurves(), []));

        // Then the temporary file is gone and the directory is untouched
        Assert.Equal([path], Directory.EnumerateFileSystemEntries(_temp.Path));
        Assert.True(Directory.Exists(path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(path));
    }

    [Fact]
    public void Should_Replace_An_Existing_File_Without_Leaving_A_Temporary_File()
    {
        // Given an old file under the chart's name
        string path = _temp.Combine("loss.png");
        File.WriteAllText(path, "old content");

        // When the chart is saved there
        LossCurveChart.Save(path, "replace", TwoCurves(), []);

        // Then the file now holds the PNG and it is the only entry in the directory
        Assert.Equal(PngSignature, File.ReadAllBytes(path)[..8]);
        Assert.Equal([path], Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void Should_Create_A_Missing_Output_Directory()
    {
        // Given a path under a directory that does not exist yet
        string path = Path.Combine(_temp.Path, "plots", "nested", "loss.svg");

        // When the chart is saved there
        LossCurveChart.Save(path, "nested", TwoCurves(), []);

        // Then the directory is created and holds the chart
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void Should_Survive_NaN_And_NonPositive_Values()
    {
        // Given a diverged run (NaN and infinities), exact zeros, negatives, tiny values and an all-NaN run
        double[] diverged = [1e-1, 1e-3, 0.0, -1.0, 1e-300, double.Epsilon, 1e2, 1e200, double.PositiveInfinity, double.NaN, double.NegativeInfinity, double.NaN];
        LossSeries[] series =
        [
            new LossSeries("diverged", diverged),
            new LossSeries("all NaN", [double.NaN, double.NaN]),
            new LossSeries("empty", []),
            new LossSeries("single epoch", [0.5]),
        ];
        ReferenceLevel[] levels =
        [
            new ReferenceLevel("zero", 0.0),
            new ReferenceLevel("negative", -1.0),
            new ReferenceLevel("nan", double.NaN),
            new ReferenceLevel("infinite", double.PositiveInfinity),
        ];
        string png = _temp.Combine("diverged.png");
        string svg = _temp.Combine("diverged.svg");

        // When the chart is saved in both formats
        LossCurveChart.Save(png, "diverged", series, levels, 500, 300);
        LossCurveChart.Save(svg, "diverged", series, levels, 500, 300);

        // Then both files are complete images
        byte[] bytes = File.ReadAllBytes(png);
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.Equal(500, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Contains("diverged", XDocument.Load(svg).Root!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Survive_A_Chart_Where_Nothing_Is_Finite()
    {
        // Given only NaN values and no reference levels
        string path = _temp.Combine("nothing.png");

        // When the chart is saved
        LossCurveChart.Save(path, "nothing finite", [new LossSeries("nan", [double.NaN])], []);

        // Then a PNG is still written
        Assert.Equal(PngSignature, File.ReadAllBytes(path)[..8]);
    }

    [Theory]
    [InlineData(0, 600)]
    [InlineData(-1, 600)]
    [InlineData(1000, 0)]
    [InlineData(1000, -5)]
    public void Should_Reject_Non_Positive_Size_Without_Writing(int width, int height)
    {
        // Given a non-positive image size
        string path = _temp.Combine("size.png");

        // When the chart is saved
        Assert.Throws<ArgumentOutOfRangeException>(() => LossCurveChart.Save(path, "size", TwoCurves(), [], width, height));

        // Then nothing was written
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void Should_Reject_An_Empty_Series_List_Without_Writing()
    {
        // Given no series at all
        string path = _temp.Combine("empty.png");

        // When the chart is saved
        var error = Assert.Throws<ArgumentException>(() => LossCurveChart.Save(path, "empty", [], [new ReferenceLevel("level", 1e-3)]));

        // Then the error names the series argument and nothing was written
        Assert.Equal("series", error.ParamName);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void Should_Render_Long_Runs()
    {
        // Given three runs of 20,000 epochs each
        LossSeries[] series =
        [
            new LossSeries("a", Falling(20_000, 1, 1e-13)),
            new LossSeries("b", Falling(20_000, 1, 2e-4)),
            new LossSeries("c", Falling(20_000, 10, 1e-8)),
        ];
        string png = _temp.Combine("long.png");
        string svg = _temp.Combine("long.svg");

        // When the chart is saved in both formats
        LossCurveChart.Save(png, "long", series, [new ReferenceLevel("lstsq", 1e-30)]);
        LossCurveChart.Save(svg, "long", series, [new ReferenceLevel("lstsq", 1e-30)]);

        // Then both files are written and the SVG stays a reasonable size (lines are decimated per pixel column)
        Assert.Equal(PngSignature, File.ReadAllBytes(png)[..8]);
        Assert.True(new FileInfo(svg).Length < 5_000_000, $"SVG is {new FileInfo(svg).Length} bytes");
    }

    [Fact]
    public void Should_Mark_Where_A_Run_Diverged()
    {
        // Given a run that grew from epoch 1 and diverged at epoch 600
        double[] growing = [.. Enumerable.Range(0, 600).Select(i => 0.5 * Math.Exp(i / 30.0))];
        string path = _temp.Combine("diverged.svg");

        // When it is drawn with its divergence epoch
        LossCurveChart.Save(path, "diverged", [new LossSeries("lr 0.0135", growing, DivergedAtEpoch: 600)], []);

        // Then the legend names the mark
        Assert.Contains("lr 0.0135: diverged at epoch 600", XDocument.Load(path).Root!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Give_The_Curves_The_Whole_Width_However_Long_The_Labels()
    {
        // Given six curves and levels with labels as long as reproduce's
        LossSeries[] series =
        [
            new LossSeries("2×3 SGD lr 0.01, batch 2", Falling(4_000, 1, 1e-3)),
            new LossSeries("200×300 SGD lr 0.01, batch 200", Falling(2_000, 1, 1e-2)),
            new LossSeries("200×300 SGD lr 0.01, batch 32", Falling(4_000, 1, 1e-6)),
            new LossSeries("200×300 torchfit solve (tuned heavy ball, then plain GD), 1,090 epochs", Falling(1_090, 1, 1e-10)),
        ];
        string path = _temp.Combine("wide.svg");

        // When drawn 1000 pixels wide
        LossCurveChart.Save(path, "reproduce", series, [new ReferenceLevel("2×3 lstsq (MSE 5.49e-31)", 5.49e-31), new ReferenceLevel("200×300 lstsq (MSE 1.19e-30)", 1.19e-30)], 1000, 600);

        // Then the data area (the first rectangle after the background) spans more than 85 % of the width:
        // the legend sits below it, not in a third of the width beside it
        var rects = XDocument.Load(path).Descendants().Where(e => e.Name.LocalName == "rect" && e.Attribute("x") is not null).ToList();
        double dataWidth = double.Parse(rects[0].Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(dataWidth > 850, $"data area {dataWidth} px of 1000");
    }

    private static LossSeries[] TwoCurves() =>
    [
        new LossSeries("lr 0.01", Falling(2_000, 1, 1e-13)),
        new LossSeries("lr 0.001", Falling(2_000, 1, 2e-4)),
    ];

    /// <summary>An exponential decay from <paramref name="start"/> that levels off at <paramref name="end"/>.</summary>
    private static double[] Falling(int epochs, double start, double end)
    {
        var values = new double[epochs];
        double rate = Math.Log(start / end) / (epochs / 4.0);
        for (int i = 0; i < epochs; i++)
        {
            values[i] = end + (start - end) * Math.Exp(-rate * i);
        }

        return values;
    }
}
