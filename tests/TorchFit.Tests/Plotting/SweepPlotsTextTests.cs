using System.Globalization;
using System.Xml.Linq;
using TorchFit.Diagnostics;
using TorchFit.Plotting;
using TorchFit.Problems;
using TorchFit.Sweeps;

namespace TorchFit.Tests.Plotting;

public sealed class SweepPlotsTextTests : IDisposable
{
    private readonly TempDirectory _temp = new("torchfit-sweepplots-text-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_Say_How_Seeds_Are_Combined_And_Draw_Each_Methods_Own_Limit()
    {
        // Given a sweep over two momenta and two run seeds on a generated problem (problem seed 7)
        var grid = new SweepGrid { BatchSizes = [4, 20], LearningRates = [0.01, 0.2], Momenta = [0, 0.9], Seeds = [0, 1], Epochs = 5 };
        var outcome = SweepRunner.Run(ProblemGenerator.Uniform(20, 30, 7), grid, new SweepRunOptions { Directory = _temp.Path, Device = "cpu" });

        // When the plots are drawn
        SweepPlots.Write(new SweepStore(_temp.Path), outcome.Manifest, outcome.Rows);

        // Then each heatmap tells the problem's seed from the runs' seeds and says a cell is their median
        double plain = outcome.Manifest.FullBatchStabilityLimit;
        double heavyBall = ConvergenceRate.StableLearningRateLimitFromPlain(plain, 0.9);
        string finalMse = SvgText("heatmap-final-mse-m0.9-float32.svg");
        Assert.Contains("problem: uniform 20×30, seed 7", finalMse, StringComparison.Ordinal);
        Assert.Contains("run seeds 0, 1", finalMse, StringComparison.Ordinal);
        Assert.Contains("cell: median final MSE over the 2 run seeds (geometric mean of the middle two)", finalMse, StringComparison.Ordinal);
        Assert.Contains("log10 final MSE, median of 2 seeds", finalMse, StringComparison.Ordinal);
        Assert.Contains("cell: median epochs over the 2 run seeds (mean of the middle two)", SvgText("heatmap-epochs-to-target-m0.9-float32.svg"), StringComparison.Ordinal);

        // And the μ = 0.9 heatmap's line is heavy ball's limit 2(1 + μ)/λ_max, not plain GD's 2/λ_max
        Assert.Contains($"heavy ball limit η < {Limit(heavyBall)}", finalMse, StringComparison.Ordinal);
        Assert.DoesNotContain($"η < {Limit(plain)}", finalMse, StringComparison.Ordinal);
        Assert.Contains($"plain GD limit η < {Limit(plain)}", SvgText("heatmap-final-mse-m0-float32.svg"), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Name_The_Single_Run_Seed_Without_A_Median()
    {
        // Given a sweep with one run seed
        var grid = new SweepGrid { BatchSizes = [4], LearningRates = [0.01], Seeds = [3], Epochs = 3 };
        var outcome = SweepRunner.Run(ProblemGenerator.Uniform(10, 15, 0), grid, new SweepRunOptions { Directory = _temp.Path, Device = "cpu" });

        // When the plots are drawn
        SweepPlots.Write(new SweepStore(_temp.Path), outcome.Manifest, outcome.Rows);

        // Then the heatmap names that seed and combines nothing
        string text = SvgText("heatmap-final-mse-m0-float32.svg");
        Assert.Contains("run seed 3", text, StringComparison.Ordinal);
        Assert.DoesNotContain("median", text, StringComparison.Ordinal);
    }

    private string SvgText(string name) => XDocument.Load(Path.Combine(_temp.Path, "plots", name)).Root!.Value;

    private static string Limit(double value) => value.ToString("0.#####", CultureInfo.InvariantCulture);
}
