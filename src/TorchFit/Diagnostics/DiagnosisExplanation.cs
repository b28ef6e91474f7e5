using System.Globalization;
using static TorchFit.Text;
using TorchFit.Reproduction;
using TorchFit.Training;

namespace TorchFit.Diagnostics;

/// <summary>Turns a diagnosis into the plain-language answer to "why does it stall?".</summary>
internal static class DiagnosisExplanation
{
    /// <param name="d">The diagnosis, its rows as <see cref="Diagnoser"/> orders them: the worst-case-optimal
    /// and the tuned heavy-ball rows come last.</param>
    /// <param name="settings">The user's settings.</param>
    /// <param name="modes">The initial error, split into modes.</param>
    /// <param name="onQuestion">Whether the problem is the question's (<see cref="QuestionProblem"/>): only then
    /// does the text speak of the question's accepted answer.</param>
    public static IReadOnlyList<string> Build(Diagnosis d, TrainingOptions settings, ErrorModes modes, bool onQuestion)
    {
        var s = d.Spectrum;
        var yours = d.Settings[0];
        var lines = new List<string>
        {
            F($"The loss (1/n)‖Aw − b‖² has curvatures λ = 2σ²/n from λ_min = {E(s.LambdaMin)} to λ_max = {E(s.LambdaMax)}: κ = {s.Kappa:N0}."),
            Stability(s, yours),
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
        {
            string line = F($"At batch 32 an epoch is {batch32.StepsPerEpoch} steps instead of {yours.StepsPerEpoch}, so the same lr needs about {epochs32:N0} epochs");
            // The accepted answer ran the question's lr at batch 32 on the question's problem: only there is this its explanation.
            bool answersQuestion = onQuestion && yours.Momentum == 0 && yours.LearningRate == QuestionCases.LearningRate;
            lines.Add(line + (answersQuestion
                ? ": that, not input_shape, is why the accepted answer worked. input_shape only declares the input width; the model, the loss and the update are the same."
                : "."));
        }
        lines.Add(WorstCaseOptimal(s, d.Settings[^2], yours, modes));
        var tuned = d.Settings[^1];
        if (tuned.StepsToTarget is long tunedSteps)
            lines.Add(F($"Heavy-ball momentum tuned to this spectrum (lr {tuned.LearningRate:G4}, momentum {tuned.Momentum:G6}) shrinks the slowest mode by {tuned.SlowestModeContraction:0.######} per step and needs about {tunedSteps:N0} full-batch steps in exact arithmetic. Its lr is above plain GD's limit 2/λ_max = {s.StableLearningRateLimit:G4}, which does not apply to heavy ball: its own limit is {ConvergenceRate.StableLearningRateRule(tuned.Momentum)} = {tuned.StabilityLimit:G6}, of which its lr is {100 * tuned.FractionOfStabilityLimit:0.##}% (tuned, like 2/(λ_max + λ_min), to shrink the λ_max mode as slowly as the λ_min one). Momentum near 1 amplifies rounding noise, which matters only near the {d.Dtype} rounding floor below: there, finish with plain steps below 2/λ_max."));
        lines.Add(F($"In {d.Dtype}, rounding stops gradient descent somewhere between ≈ {E(d.RoundingFloor.Low)} (rounding the weights) and ≈ {E(d.RoundingFloor.High)} (rounding each residual, worst case) on this problem."));
        lines.Add(F($"GD never changes the part of w₀ in A's null space (norm {d.NullSpaceNorm:0.####} of ‖w₀‖ = {d.InitialWeightsNorm:0.####}), so it ends at the minimum-norm solution plus that part, not at lstsq's x; the MSE still goes to 0."));
        return lines;
    }

    /// <summary>The user's lr against its own method's limit: plain GD's 2/λ_max does not bound momentum.</summary>
    private static string Stability(Spectrum s, SettingAnalysis yours)
    {
        string limit = yours.Momentum == 0
            ? F($"Full-batch gradient descent is stable only for lr < 2/λ_max = {s.StableLearningRateLimit:G4}.")
            : F($"Full-batch plain GD is stable only for lr < 2/λ_max = {s.StableLearningRateLimit:G4}; with momentum {yours.Momentum:G4}{(yours.Nesterov ? " (Nesterov)" : "")} the limit is {ConvergenceRate.StableLearningRateRule(yours.Momentum, yours.Nesterov)} = {yours.StabilityLimit:G4}.");
        string where = yours.FractionOfStabilityLimit >= 1
            ? F($" lr {yours.LearningRate:G4} is {100 * yours.FractionOfStabilityLimit:0}% of that limit: full-batch steps diverge.")
            : F($" lr {yours.LearningRate:G4} is {100 * yours.FractionOfStabilityLimit:0}% of that limit, so it cannot be raised by more than {1 / yours.FractionOfStabilityLimit:0.##}× without diverging.");
        return limit + where;
    }

    /// <summary>
    /// What 2/(λ_max + λ_min) is optimal for (the worst mode, over every starting point) and, when it loses to the
    /// user's lr from this w₀, why: the error's share in the λ_max mode, which it shrinks as slowly as the λ_min one.
    /// </summary>
    private static string WorstCaseOptimal(Spectrum s, SettingAnalysis optimal, SettingAnalysis yours, ErrorModes modes)
    {
        string line = F($"lr 2/(λ_max + λ_min) = {optimal.LearningRate:G4} is optimal for the worst case: it shrinks the λ_min and λ_max modes by the same {optimal.SlowestModeContraction:0.######} per step, the smallest largest factor any constant lr gives, so it is the fastest from the worst starting point, not necessarily from this one. It sits just under plain GD's limit, at λ_max/(λ_max + λ_min) = {100 * optimal.FractionOfStabilityLimit:0.##}% of it.");
        if (optimal.StepsToTarget is not long optimalSteps || yours.StepsToTarget is not long yourSteps || optimalSteps <= yourSteps)
            return line;
        double total = modes.Components.Sum(c => c * c) + modes.UnreachableSquaredNorm;
        double share = total > 0 ? modes.Components[0] * modes.Components[0] / total : 0;
        return line + F($" Here {100 * share:0.#}% of the initial squared error lies in the λ_max mode, which it shrinks by only {optimal.FastestModeContraction:0.######} per step where lr {yours.LearningRate:G4} shrinks it by {yours.FastestModeContraction:0.####}, so it needs {optimalSteps:N0} steps to lr {yours.LearningRate:G4}'s {yourSteps:N0}.");
    }
}
