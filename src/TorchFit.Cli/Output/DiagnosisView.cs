using Spectre.Console;
using TorchFit.Diagnostics;

namespace TorchFit.Cli.Output;

/// <summary>Prints a diagnosis as tables and the plain-language explanation.</summary>
internal static class DiagnosisView
{
    public static void Show(IAnsiConsole console, Diagnosis d)
    {
        var s = d.Spectrum;
        var spectrum = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"Spectrum of {d.MatrixName} ({d.ProblemName})"))
            .AddColumn("quantity").AddColumn(Numbers.Column("value"));
        foreach (var (name, value) in new[]
        {
            ("σ_max / smallest non-zero σ", $"{s.SigmaMax:G5} / {s.SigmaMinNonZero:G5}"),
            ("rank", $"{s.Rank} of min(n, d) = {Math.Min(d.Rows, d.Columns)}"),
            ("condition number σ_max/σ_min", $"{s.ConditionNumber:N1}"),
            ("λ_max = 2σ_max²/n", Numbers.Mse(s.LambdaMax)),
            ("λ_min = 2σ_min²/n", Numbers.Mse(s.LambdaMin)),
            ("κ = λ_max/λ_min", $"{s.Kappa:N0}"),
            ("plain-GD stability limit 2/λ_max", $"{s.StableLearningRateLimit:G5}"),
            ("worst-case-optimal constant lr 2/(λ_max+λ_min)", $"{s.OptimalLearningRate:G5}"),
            ("tuned heavy ball lr / momentum", $"{s.TunedHeavyBallLearningRate:G5} / {s.TunedHeavyBallMomentum:G6}"),
            ($"heavy-ball stability limit {ConvergenceRate.StableLearningRateRule(s.TunedHeavyBallMomentum)} at that μ", $"{ConvergenceRate.StableLearningRateLimit(s.LambdaMax, s.TunedHeavyBallMomentum):G5}"),
            ($"{d.Dtype} rounding floor (estimate)", $"{Numbers.Mse(d.RoundingFloor.Low)} to {Numbers.Mse(d.RoundingFloor.High)}"),
            ("‖w₀‖ / its null-space part", $"{d.InitialWeightsNorm:G4} / {d.NullSpaceNorm:G4}"),
        })
            spectrum.AddRow(Markup.Escape(name), Markup.Escape(value));
        Numbers.Write(console, spectrum);

        var settings = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"Reaching MSE ≤ {Numbers.Mse(d.Target)} from {Numbers.Mse(d.InitialMse)}"))
            .AddColumn("setting").AddColumn(Numbers.Column("lr")).AddColumn(Numbers.Column("momentum"))
            .AddColumn(Numbers.Column("batch")).AddColumn(Numbers.Column("% of its own limit"))
            .AddColumn(Numbers.Column("slowest mode / step")).AddColumn(Numbers.Column("steps"))
            .AddColumn(Numbers.Column("epochs"));
        foreach (var a in d.Settings)
            settings.AddRow(Markup.Escape(a.Name), $"{a.LearningRate:G4}", $"{a.Momentum:G4}{(a.Nesterov ? " (Nesterov)" : "")}", $"{a.BatchSize}",
                $"{100 * a.FractionOfStabilityLimit:0.##}%", $"{a.SlowestModeContraction:0.######}",
                a.StepsToTarget is long steps ? Numbers.Count(steps) : "never", a.EpochsToTarget is long epochs ? Numbers.Count(epochs) : "never");
        Numbers.Write(console, settings);
        console.MarkupLine(Markup.Escape($"  % of its own limit: lr over the stability limit of that method at full batch: {ConvergenceRate.StableLearningRateRule()} for plain GD, "
            + $"{ConvergenceRate.StableLearningRateRule(0.5)} for heavy ball, {ConvergenceRate.StableLearningRateRule(0.5, nesterov: true)} for Nesterov."));
        console.MarkupLine(Markup.Escape($"  {ConvergenceRate.Coverage}"));
        console.MarkupLine("[bold]Why[/]");
        foreach (var line in d.Explanation) console.MarkupLine("  • " + Markup.Escape(line));
    }
}
