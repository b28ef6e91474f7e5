using TorchFit.Cli.Output;
using TorchFit.Sweeps;
using TorchFit.Training;

namespace TorchFit.Tests.Cli;

public class ProgressLineTests
{
    private static readonly RunProgress Train = new("200×300 SGD lr 0.01, batch 32, 10,000 epochs", new TrainingProgress(1_234, 10_000, 1.23e-3, 2.5));

    private static readonly SweepProgress Sweep = new(4, 16, 0, "batch 8, 4 configurations, lr 0.001–0.013, float32, seed 0", 1_234, 10_000,
        44_936, 160_000, 2.5, 6.4);

    [Theory]
    [InlineData(40)]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(120)]
    public void Should_Show_Epoch_Mse_Percentage_And_Eta_Short_Of_The_Last_Column(int width)
    {
        // Given a training run 12 % through, 2.5 s in
        // When its live line is laid out at this width
        string line = ProgressDisplay.Line(Train).Fit(width).ToString();

        // Then it fits without touching the last column, and the essentials are all there
        Assert.True(line.Length <= width - 1, $"{line.Length} > {width - 1}: {line}");
        Assert.Contains("epoch 1,234", line);
        Assert.Contains("MSE 1.23e-03", line);
        Assert.Contains("12%", line);
        Assert.Contains("ETA 18 s", line);
    }

    [Fact]
    public void Should_Drop_The_Bar_And_Name_Before_The_Totals_And_Keep_Everything_When_Wide()
    {
        // Given the same line at four widths
        var at = new[] { 40, 60, 80, 120 }.ToDictionary(w => w, w => ProgressDisplay.Line(Train).Fit(w));

        // Then 120 columns hold the whole name, the totals and a bar; 80 a cut name and a bar;
        // 60 no name but the totals; 40 only the essentials
        Assert.StartsWith("200×300 SGD lr 0.01, batch 32, 10,000 epochs  epoch 1,234/10,000", at[120].ToString());
        Assert.True(at[120].Bar >= 8);
        Assert.StartsWith("200×300 SGD lr 0.01", at[80].ToString());
        Assert.Contains("…  epoch 1,234/10,000", at[80].ToString());
        Assert.True(at[80].Bar >= 8);
        Assert.StartsWith("epoch 1,234/10,000 MSE", at[60].ToString());
        Assert.Equal("epoch 1,234 MSE 1.23e-03  12% ETA 18 s", at[40].ToString());
    }

    [Theory]
    [InlineData(40)]
    [InlineData(80)]
    [InlineData(120)]
    public void Should_Fit_A_Sweep_Line_With_Configurations_Epoch_Percentage_And_Eta(int width)
    {
        // When a sweep's live line is laid out
        string line = SweepProgressDisplay.Line(Sweep).Fit(width).ToString();

        // Then the count of configurations, the epoch, the share done and the library's ETA are there
        Assert.True(line.Length <= width - 1, line);
        Assert.Contains("4/16", line);
        Assert.Contains("epoch 1,234", line);
        Assert.Contains("28%", line);
        Assert.Contains("ETA 6.4 s", line);
    }

    [Fact]
    public void Should_Show_The_Time_Taken_Once_Done()
    {
        // Given a finished run
        var done = Train with { Training = new TrainingProgress(10_000, 10_000, 1e-9, 61) };

        // Then the line says 100 % and how long it took, not an ETA
        string line = ProgressDisplay.Line(done).Fit(80).ToString();
        Assert.EndsWith("100% 1m01s", line);
    }

    [Theory]
    [InlineData(4.21, "4.2 s")]
    [InlineData(42.4, "42 s")]
    [InlineData(185, "3m05s")]
    [InlineData(3720, "1h02m")]
    public void Should_Write_Durations_Compactly(double seconds, string expected) => Assert.Equal(expected, Eta.Duration(seconds));
}
