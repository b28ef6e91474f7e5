using System.Globalization;
using static TorchFit.Text;
using TorchFit.Baselines;
using TorchFit.Diagnostics;
using TorchFit.Problems;
using TorchFit.Reproduction;
using TorchFit.Training;

namespace TorchFit.Prescriptions;

/// <summary>
/// Chooses SGD settings from the spectrum that reach a target MSE, predicts the epochs, and proves
/// it by training (fused engine unless <see cref="SolveOptions.Engine"/> says otherwise), beside the question's settings and L-BFGS.
/// </summary>
public static class Solver
{
    /// <summary>How the prescribed row's <see cref="SolveRow.Name"/> starts; the rest names the schedule that ran.</summary>
    public const string PrescribedPrefix = "prescribed: ";

    /// <summary>
    /// The prescription: full-batch heavy ball tuned to the spectrum (η = 4/(√λ_max + √λ_min)²,
    /// μ = ((√κ − 1)/(√κ + 1))²) for the epochs its exact recursion needs, then, if it stops above the
    /// target (rounding noise amplified by μ near 1, or the budget), plain GD at 0.9·2/(λ_max + λ_min)
    /// from those weights with a fresh optimizer, until the target or the budget. The comparison rows
    /// are called "question" and "answer" only on <see cref="QuestionProblem"/>.
    /// </summary>
    public static SolveReport Solve(
        LinearProblem problem,
        SolveOptions options,
        IProgress<RunProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var decomposition = ProblemDecomposition.Of(problem);
        var spectrum = decomposition.Spectrum;
        var initial = KernelInitializer.InitialWeights(options.Init, problem.Columns, options.Seed);
        var modes = decomposition.Modes(initial);
        double minimum = decomposition.LeastSquaresMinimum;
        var floor = decomposition.RoundingFloor(LeastSquares.Solve(problem, "cpu").Solution, options.Precision);
        int n = problem.Rows;
        var common = new TrainingOptions
        {
            BatchSize = n, Precision = options.Precision, Seed = options.Seed, Init = options.Init, Device = options.Device,
            StopAtMse = options.Target, Engine = options.Engine ?? EngineDefaults.Solve, Semantics = options.Semantics,
        };
        var notes = new List<string>();
        bool widerDtype = options.Precision == Precision.Float32;   // only float32 has a wider dtype to suggest
        if (options.Target < minimum)
            notes.Add(F($"No weights reach MSE {E(options.Target)}: b has a part outside A's column space, so the least-squares minimum is {E(minimum)}. The runs show what is reached."));
        else if (options.Target < floor.Low)
            notes.Add(F($"MSE {E(options.Target)} is below what {options.Precision.ToName()} can represent on this problem (rounding the weights alone leaves ≈ {E(floor.Low)}){(widerDtype ? "; train in float64" : "")}. The runs show what is reached."));
        else if (options.Target < floor.High)
            notes.Add(F($"MSE {E(options.Target)} is near {options.Precision.ToName()}'s rounding floor on this problem (≈ {E(floor.Low)} to {E(floor.High)}): it may stall above the target{(widerDtype ? "; float64 training removes the doubt" : "")}."));

        // Phase 1: tuned heavy ball for the epochs its exact recursion predicts (at most 80% of the budget).
        double heavyRate = spectrum.TunedHeavyBallLearningRate, heavyMomentum = spectrum.TunedHeavyBallMomentum;
        var curve = modes.MomentumCurve(heavyRate, heavyMomentum, nesterov: false, options.MaxEpochs, stopAtMse: options.Target);
        int predicted = Array.FindIndex(curve, mse => mse <= options.Target) + 1;
        int phaseOne = predicted > 0 ? Math.Min(predicted, options.MaxEpochs * 4 / 5) : options.MaxEpochs * 4 / 5;
        var first = Trainer.Train(problem, common with { LearningRate = heavyRate, Momentum = heavyMomentum, Epochs = phaseOne },
            NamedProgress.For("tuned heavy ball", progress), cancellationToken);
        // Phase 2: plain GD below the stability limit damps the rounding noise momentum leaves behind.
        double plainRate = 0.9 * spectrum.OptimalLearningRate;
        TrainingResult? second = null;
        if (first.Stop == TrainingStop.Completed)
            second = Trainer.Train(problem, common with
            {
                LearningRate = plainRate, Epochs = options.MaxEpochs - first.EpochsCompleted, InitialWeights = first.Weights,
            }, NamedProgress.For("then plain GD", progress), cancellationToken);
        var rows = new List<SolveRow> { Combine(first, second, options.Target, predicted > 0 ? predicted : null, heavyRate, heavyMomentum, plainRate) };
        string predictedEpochs = predicted > 0 ? predicted.ToString("N0", CultureInfo.InvariantCulture) : "more than " + options.MaxEpochs.ToString("N0", CultureInfo.InvariantCulture);
        notes.Add(F($"Chosen: heavy ball with lr {heavyRate:G4} and momentum {heavyMomentum:G6}, tuned to λ_max = {E(spectrum.LambdaMax)} and λ_min = {E(spectrum.LambdaMin)}, contracts the error by {ConvergenceRate.PerStep(spectrum.LambdaMin, heavyRate, heavyMomentum):0.####} per step instead of plain GD's {ConvergenceRate.PerStep(spectrum.LambdaMin, spectrum.OptimalLearningRate):0.######}; its exact recursion on the SVD predicts {predictedEpochs} full-batch epochs."));
        string plain = F($"plain GD at lr {plainRate:G4} (0.9 × 2/(λ_max + λ_min), below plain GD's stability limit {spectrum.StableLearningRateLimit:G4})");
        if (second is not null)
        {
            // Heavy ball ran its epochs and stopped above the target: say why, in the dtype in use.
            string why = predicted > 0 && phaseOne == predicted
                ? F($"after the {phaseOne:N0} epochs its exact recursion predicts: momentum near 1 amplifies {options.Precision.ToName()} rounding, so the run drifts from exact arithmetic")
                : F($"after {phaseOne:N0} epochs, 80% of the budget, short of the {predictedEpochs} it needs");
            notes.Add(F($"Heavy ball stopped at MSE {E(first.FinalMse)}, above the target, {why}. The schedule then switched to {plain} from the same weights with a fresh optimizer, which damps what momentum amplified."));
        }
        else if (first.Stop == TrainingStop.ReachedTarget)
            notes.Add(F($"Heavy ball reached the target on its own in {first.EpochsCompleted:N0} epochs, so the plain-GD phase that would follow it (lr {plainRate:G4}) did not run."));

        if (options.ComparisonEpochs > 0)
        {
            // "question"/"answer" only where true: on the question's own problem. Elsewhere the settings speak for themselves.
            bool onQuestion = QuestionProblem.Is(problem);
            string fullBatchName = (onQuestion ? "question: " : "") + F($"lr {QuestionCases.LearningRate}, full batch");
            string batch32Name = (onQuestion ? "answer: " : "") + F($"lr {QuestionCases.LearningRate}, batch 32");
            var question = common with { LearningRate = QuestionCases.LearningRate, Epochs = options.ComparisonEpochs };
            long? gdSteps = modes.GradientDescentStepsTo(options.Target, QuestionCases.LearningRate);
            int stepsPer32 = new BatchPlan(n, 32).StepsPerEpoch;
            rows.Add(Measure(fullBatchName, F($"plain SGD, lr {QuestionCases.LearningRate}, batch {n}, up to {options.ComparisonEpochs:N0} epochs"),
                gdSteps, Trainer.Train(problem, question, NamedProgress.For(fullBatchName, progress), cancellationToken), options.Target));
            rows.Add(Measure(batch32Name, F($"plain SGD, lr {QuestionCases.LearningRate}, batch 32 ({stepsPer32} steps per epoch), up to {options.ComparisonEpochs:N0} epochs"),
                gdSteps is long s ? (s + stepsPer32 - 1) / stepsPer32 : null,
                Trainer.Train(problem, question with { BatchSize = 32 }, NamedProgress.For(batch32Name, progress), cancellationToken), options.Target));
        }
        if (options.LbfgsEpochs > 0)
        {
            var lbfgs = LbfgsTrainer.Train(problem, common with { LearningRate = 1, Epochs = options.LbfgsEpochs }, progress: NamedProgress.For("L-BFGS", progress), cancellationToken: cancellationToken);
            rows.Add(Measure("L-BFGS", F($"torch.optim.LBFGS, lr 1, 20 iterations per epoch, full batch, up to {options.LbfgsEpochs:N0} epochs"), null, lbfgs, options.Target));
        }
        return new SolveReport(problem.Name, options.Target, options.Precision.ToName(), minimum, floor, rows, notes);
    }

    private static SolveRow Combine(TrainingResult first, TrainingResult? second, double target, long? predicted, double heavyRate, double heavyMomentum, double plainRate)
    {
        var mse = first.FullMse.Concat(second?.FullMse ?? []).ToArray();
        int index = Array.FindIndex(mse, m => m <= target);
        string description = F($"heavy ball lr {heavyRate:G4}, momentum {heavyMomentum:G4} for {first.EpochsCompleted:N0} epochs")
            + (second is null ? "" : F($", then plain GD lr {plainRate:G4} for {second.EpochsCompleted:N0} epochs")) + ", full batch";
        return new SolveRow(PrescribedPrefix + (second is null ? "tuned heavy ball" : "tuned heavy ball, then plain GD"), description, predicted, index < 0 ? null : index + 1, mse.Length,
            mse.Length > 0 ? mse[^1] : first.InitialMse, mse.Length > 0 ? mse.Min() : first.InitialMse,
            first.Options.Precision.ToName(), first.Seconds + (second?.Seconds ?? 0)) { FullMse = mse };
    }

    private static SolveRow Measure(string name, string description, long? predicted, TrainingResult run, double target) =>
        new(name, description, predicted, run.EpochsToReach(target), run.EpochsCompleted, run.FinalMse,
            run.FullMse.Length > 0 ? run.FullMse.Min() : run.InitialMse, run.Options.Precision.ToName(), run.Seconds) { FullMse = run.FullMse };
}
