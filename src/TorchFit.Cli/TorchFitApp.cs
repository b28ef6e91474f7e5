using Spectre.Console.Cli;
using TorchFit.Cli.Commands;
using TorchFit.Cli.Settings;

namespace TorchFit.Cli;

/// <summary>The torchfit command line: verbs, help and exit codes.</summary>
internal static class TorchFitApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    /// <summary>train only: the run diverged (its files are written), so a script does not take its weights for a fit.</summary>
    public const int Diverged = 3;
    public const int Cancelled = 130;

    public static int Run(string[] args, CliContext context)
    {
        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(CliContext), context);
        var app = new CommandApp(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName("torchfit");
            config.SetApplicationVersion($"{BuildInfo.TorchFitVersion} (TorchSharp {BuildInfo.TorchSharpVersion})");
            config.ConfigureConsole(context.Console);
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.AddCommand<ReproduceCommand>("reproduce")
                .WithDescription("Re-run the question's experiment (lstsq and Keras-style SGD on 2×3 and 200×300) beside its reported figures.")
                .WithExample("reproduce")
                .WithExample("reproduce", "--out", "results/reproduce", "--json");
            config.AddCommand<TrainCommand>("train")
                .WithDescription("Train a bias-free Dense(1) with MSE and SGD on a problem, exactly as Keras' model.fit would. Exits 3 if the run diverges (its files are still written).")
                .WithExample("train", "--n", "200", "--d", "300", "--batch-size", "200", "--epochs", "10000")
                .WithExample("train", "--lr", "0.005", "--momentum", "0.9", "--nesterov", "--dtype", "float64");
            config.AddCommand<DiagnoseCommand>("diagnose")
                .WithDescription("Explain from the spectrum of A why SGD stalls, and predict the steps and epochs each setting needs to reach --target.")
                .WithExample("diagnose", "--batch-size", "200", "--epochs", "10000")
                .WithExample("diagnose", "--n", "200", "--d", "300", "--target", "1e-10", "--json");
            config.AddCommand<SolveCommand>("solve")
                .WithDescription("Choose SGD settings from the spectrum that reach --target, predict the epochs, and prove it by training, beside the question's settings and L-BFGS.")
                .WithExample("solve", "--target", "1e-10")
                .WithExample("solve", "--n", "100", "--d", "400", "--compare-epochs", "0", "--json");
            config.AddCommand<SweepCommand>("sweep")
                .WithDescription("Train a batch-size × learning-rate grid (resumable, shardable) and write results.csv/json, histories, a manifest and heatmaps.")
                .WithExample("sweep", "--batch-sizes", "1,8,32,200", "--lrs", "0.001,0.003,0.01,0.013", "--epochs", "10000", "--out", "results/sweep")
                .WithExample("sweep", "--config", "sweep.json", "--shard", "0/4", "--out", "results/shard0");
            config.AddCommand<PlotCommand>("plot")
                .WithDescription("Redraw a sweep directory's heatmaps and loss curves from its results.")
                .WithExample("plot", "results/sweep");
            config.AddCommand<MergeCommand>("merge")
                .WithDescription("Combine the shard directories of one sweep into one directory (checks they belong together).")
                .WithExample("merge", "results/shard0", "results/shard1", "--out", "results/sweep");
            config.AddCommand<BenchCommand>("bench")
                .WithDescription("Measure µs per step of each engine on 200×300, and on a large problem (--large, 4000×6000 unless none), next to a GEMV and matmul floor taken in the same run.")
                .WithExample("bench")
                .WithExample("bench", "--json");
            config.AddCommand<LstsqCommand>("lstsq")
                .WithDescription("Solve a problem in closed form with torch.linalg.lstsq (float64).")
                .WithExample("lstsq", "--n", "200", "--d", "300")
                .WithExample("lstsq", "--problem", "data/question-200x300-seed0.npz");
            config.AddBranch("problem", problem =>
            {
                problem.SetDescription("Write a NumPy-seeded problem to .npz/.csv, or describe a problem file.");
                problem.SetDefaultCommand<ProblemUsageCommand>();
                problem.AddCommand<ProblemNewCommand>("new")
                    .WithDescription("Write A and b as np.random.seed(S); A = np.random.random((n, d)); b = np.random.random((n, 1)) draws them, to .npz or .csv.")
                    .WithExample("problem", "new", "--n", "200", "--d", "300", "--seed", "0", "--out", "problem.npz");
                problem.AddCommand<ProblemInfoCommand>("info")
                    .WithDescription("Describe a problem file: shapes, dtypes as stored, value ranges, rank and condition number.")
                    .WithExample("problem", "info", "data/question-200x300-seed0.npz")
                    .WithExample("problem", "info", "--A", "A.npy", "--b", "b.npy", "--json");
            });
        });
        try
        {
            return app.Run(args.Select(ShortOptionAlias));
        }
        catch (InvalidInputException e)
        {
            return Fail(context, OptionFlags.Message(e), BadInput);
        }
        catch (Exception e) when (e is CommandParseException or CommandRuntimeException)
        {
            return Fail(context, ConversionMessage.Describe(e.Message, args), BadInput);
        }
        catch (OperationCanceledException)
        {
            return Fail(context, "cancelled", Cancelled);
        }
        catch (TypeInitializationException e) when (e.TypeName?.StartsWith("TorchSharp", StringComparison.Ordinal) == true)
        {
            return Fail(context, $"cannot load libtorch: {Innermost(e).Message} (see README, Troubleshooting)", Failure);
        }
        catch (System.Runtime.InteropServices.ExternalException e) when (Environment.GetEnvironmentVariable("TORCHFIT_DEBUG") != "1")
        {
            return Fail(context, NativeFailure(e.Message), Failure);
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("TORCHFIT_DEBUG") != "1")
        {
            return Fail(context, $"unexpected error: {e.GetType().Name}: {e.Message} (set TORCHFIT_DEBUG=1 for the stack trace)", Failure);
        }
    }

    /// <summary>
    /// Spectre.Console.Cli allows no one-letter long options, but --n/--d (the question's names) and
    /// --A/--b (NumPy's names for a problem's arrays) are what users type: read them as -n/-d/-A/-b,
    /// also in the --n=200 form.
    /// </summary>
    internal static string ShortOptionAlias(string arg) => arg switch
    {
        "--n" or "--d" or "--A" or "--b" => arg[1..],
        _ when arg.Length > 4 && arg[3] == '=' && arg.StartsWith("--", StringComparison.Ordinal) && arg[2] is 'n' or 'd' or 'A' or 'b' => arg[1..],
        _ => arg,
    };

    /// <summary>libtorch's message goes on with its C++ frames ("Exception raised from ... frame #0: ..."): keep the first line.</summary>
    internal static string NativeFailure(string message) =>
        $"libtorch failed: {message.Split('\n', 2)[0].Trim()} (set TORCHFIT_DEBUG=1 for the native frames)";

    private static int Fail(CliContext context, string message, int code)
    {
        // One line, whatever the exception text holds.
        context.Error.WriteLine("torchfit: " + message.ReplaceLineEndings(" ").Trim());
        context.Error.Flush();
        return code;
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
