using TorchFit.Baselines;
using TorchFit.Problems;
using TorchFit.Reproduction;
using TorchFit.Training;

namespace TorchFit.Diagnostics;

/// <summary>Spectral diagnosis of gradient descent on a linear least-squares problem.</summary>
public static class Diagnoser
{
    /// <summary>Momentum curves are followed step by step this far; beyond, the rate extrapolates.</summary>
    public const int SimulatedMomentumSteps = 200_000;

    /// <summary>Throws <see cref="InvalidInputException"/> (option <c>Target</c>) unless <paramref name="target"/> is a finite MSE &gt; 0.</summary>
    public static void ValidateTarget(double target)
    {
        if (!(target > 0) || !double.IsFinite(target)) throw InvalidInputException.ForOption("Target", $"must be a finite MSE > 0, got {Text.R(target)}");
    }

    /// <summary>
    /// Throws <see cref="InvalidInputException"/> (naming <see cref="TrainingOptions.Optimizer"/>) unless the settings are SGD,
    /// with or without momentum: the predictions are the exact recursions of (heavy-ball, Nesterov) gradient descent on the
    /// spectrum; Adam, RMSprop and Adagrad divide each weight's step by its own gradient history, which they do not model.
    /// </summary>
    public static void EnsurePredictable(TrainingOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Optimizer != OptimizerKind.Sgd)
            throw InvalidInputException.ForOption(nameof(TrainingOptions.Optimizer),
                $"diagnose predicts SGD with or without momentum only, not {HyperParameters.Name(settings.Optimizer)} (it rescales each weight's step by its gradient history); train it to see its curve");
    }

    /// <summary>
    /// Analyses <paramref name="settings"/> and the alternatives that explain the question: the same
    /// step at batch 32, full-batch GD at 2/(λ_max + λ_min) (the minimax constant step: best for the
    /// worst starting point, not necessarily for this one), and heavy ball tuned to the spectrum. The
    /// explanation speaks of the question and its accepted answer only on <see cref="QuestionProblem"/>.
    /// The initial weights are the ones every engine draws for the same seed and init.
    /// </summary>
    public static Diagnosis Diagnose(LinearProblem problem, TrainingOptions settings, double target = 1e-10)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        EnsurePredictable(settings);
        ValidateTarget(target);
        problem.EnsureUsable(settings.Precision);

        var question = QuestionProblem.Is(problem);
        problem = ModelParameters.Problem(problem, settings);   // [A 1] for a model with a bias
        var decomposition = ProblemDecomposition.Of(problem);
        var spectrum = decomposition.Spectrum;
        var initial = InitialWeights.ForSeed(settings, problem.Columns);
        var modes = decomposition.Modes(initial);
        var solution = LeastSquares.Solve(problem, "cpu").Solution;
        var floor = decomposition.RoundingFloor(solution, settings.Precision);

        int n = problem.Rows;
        var analyses = new List<SettingAnalysis>
        {
            Analyze("your settings", settings.LearningRate, settings.Momentum, settings.Nesterov, settings.BatchSize),
        };
        if (new BatchPlan(n, settings.BatchSize).BatchSize != new BatchPlan(n, 32).BatchSize)
            analyses.Add(Analyze("same learning rate, batch 32", settings.LearningRate, settings.Momentum, settings.Nesterov, 32));
        analyses.Add(Analyze("full batch, worst-case-optimal lr 2/(λ_max + λ_min)", spectrum.OptimalLearningRate, 0, false, n));
        analyses.Add(Analyze("full batch, heavy ball tuned to the spectrum", spectrum.TunedHeavyBallLearningRate, spectrum.TunedHeavyBallMomentum, false, n));

        var diagnosis = new Diagnosis(problem.Name, n, problem.Columns, spectrum, target, settings.Precision.ToName(), floor,
            modes.InitialMse, Math.Sqrt(initial.Sum(w => w * w)), decomposition.NullSpaceNorm(initial), analyses, []);
        return diagnosis with { Explanation = DiagnosisExplanation.Build(diagnosis, settings, modes, question), WithIntercept = settings.UseBias };

        SettingAnalysis Analyze(string name, double learningRate, double momentum, bool nesterov, int requestedBatchSize)
        {
            var plan = new BatchPlan(n, requestedBatchSize);
            int batchSize = plan.BatchSize, stepsPerEpoch = plan.StepsPerEpoch;
            double slow = ConvergenceRate.PerStep(spectrum.LambdaMin, learningRate, momentum, nesterov);
            double fast = ConvergenceRate.PerStep(spectrum.LambdaMax, learningRate, momentum, nesterov);
            bool diverges = Math.Max(slow, fast) >= 1;
            double limit = ConvergenceRate.StableLearningRateLimit(spectrum.LambdaMax, momentum, nesterov);
            var (steps, note) = StepsTo(learningRate, momentum, nesterov, diverges, limit);
            if (steps is not null && batchSize < n)
                note += "; mini-batch steps counted as full-batch steps of the same size (their mean), gradient noise aside";
            return new SettingAnalysis(name, learningRate, momentum, nesterov, batchSize, stepsPerEpoch,
                limit, learningRate / limit, slow, fast, diverges,
                steps, steps is null ? null : (steps + stepsPerEpoch - 1) / stepsPerEpoch, note);
        }

        (long?, string) StepsTo(double learningRate, double momentum, bool nesterov, bool diverges, double limit)
        {
            if (diverges) return (null, Text.F($"diverges: learning rate above the stability limit {ConvergenceRate.StableLearningRateRule(momentum, nesterov)} = {limit:G4}"));
            if (floor.Low > target) return (null, $"never in {settings.Precision.ToName()}: rounding the weights alone leaves ≈ {floor.Low:0.0e+00}, above the target");
            if (momentum == 0)
            {
                long? steps = modes.GradientDescentStepsTo(target, learningRate);
                return (steps, steps is null ? "never: the part of b outside A's column space is above the target" : "exact full-batch GD recursion on the SVD");
            }
            var curve = modes.MomentumCurve(learningRate, momentum, nesterov, SimulatedMomentumSteps, stopAtMse: target);
            int reached = Array.FindIndex(curve, mse => mse <= target);
            if (reached >= 0) return (reached + 1, "exact momentum recursion on the SVD");
            double rate = ConvergenceRate.PerStep(spectrum.LambdaMin, learningRate, momentum, nesterov);
            long extra = (long)Math.Ceiling(Math.Log(target / curve[^1]) / (2 * Math.Log(rate)));
            return (SimulatedMomentumSteps + extra, $"recursion for {SimulatedMomentumSteps:N0} steps, then extrapolated at the slowest mode's rate");
        }
    }
}
