using System.Globalization;
using static TorchFit.Text;
using TorchFit.Training;

namespace TorchFit.Diagnostics;

/// <summary>Turns a diagnosis into the plain-language answer to "why does it stall?".</summary>
internal static class DiagnosisExplanation
{
    public static IReadOnlyList<string> Build(Diagnosis d, TrainingOptions settings)
    {
        var s = d.Spectrum;
        var yours = d.Settings[0];
        var lines = new List<string>
        {
            F($"The loss (1/n)‖Aw − b‖² has curvatures λ = 2σ²/n from λ_min = {E(s.LambdaMin)} to λ_max = {E(s.LambdaMax)}: κ = {s.Kappa:N0}."),
            F($"Full-batch gradient descent is stable only for lr < 2/λ_max = {s.StableLearningRateLimit:G4}. lr {settings.LearningRate:G4} is {100 * yours.FractionOfStabilityLimit:0}% of that limit, so it cannot be raised by more than {1 / yours.FractionOfStabilityLimit:0.##}× without diverging."),
            F($"Each step multiplies the slowest error mode by {yours.SlowestModeContraction:0.######} (1 − lr·λ_min for plain SGD) and the loss by its square."),
        };
        if (yours.StepsToTarget is long steps)
        {
            long ran = (long)settings.Epochs * yours.StepsPerEpoch;
            string verdict = ran >= steps ? "enough." : F($"{(double)steps / ran:0.#}× too few: that is the stall.");
            lines.Add(F($"Reaching MSE ≤ {E(d.Target)} from {E(d.InitialMse)} takes {steps:N0} steps = {yours.EpochsToTarget:N0} epochs at batch {yours.BatchSize} ({yours.StepsPerEpoch} step{(yours.StepsPerEpoch == 1 ? "" : "s")} per epoch); {settings.Epochs:N0} epochs are {ran:N0} steps, {verdict}"));
        }
        else lines.Add($"Your settings never reach MSE ≤ {E(d.Target)}: {yours.Note}.");
        var batch32 = d.Settings.FirstOrDefault(a => a.Name.Contains("batch 32", StringComparison.Ordinal));
        if (batch32 is not null && batch32.EpochsToTarget is long epochs32)
            lines.Add(F($"At batch 32 an epoch is {batch32.StepsPerEpoch} steps instead of {yours.StepsPerEpoch}, so the same lr needs about {epochs32:N0} epochs: that, not input_shape, is why the accepted answer worked. input_shape only declares the input width; the model, the loss and the update are the same."));
        var tuned = d.Settings.Last();
        if (tuned.StepsToTarget is long tunedSteps)
            lines.Add(F($"Heavy-ball momentum tuned to this spectrum (lr {tuned.LearningRate:G4}, momentum {tuned.Momentum:G6}) shrinks the slowest mode by {tuned.SlowestModeContraction:0.####} per step and needs about {tunedSteps:N0} full-batch steps in exact arithmetic; in float32 its rounding noise is amplified, so finish with plain steps below the stability limit."));
        lines.Add(F($"In {d.Dtype}, rounding stops gradient descent somewhere between ≈ {E(d.RoundingFloor.Low)} (rounding the weights) and ≈ {E(d.RoundingFloor.High)} (rounding each residual, worst case) on this problem."));
        lines.Add(F($"GD never changes the part of w₀ in A's null space (norm {d.NullSpaceNorm:0.####} of ‖w₀‖ = {d.InitialWeightsNorm:0.####}), so it ends at the minimum-norm solution plus that part, not at lstsq's x; the MSE still goes to 0."));
        return lines;
    }
}
