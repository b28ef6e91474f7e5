using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Benchmarks;
using TorchFit.Cli.Output;
using TorchFit.Cli.Settings;
using TorchFit.Results;

namespace TorchFit.Cli.Commands;

/// <summary><c>torchfit bench</c>: µs per step of each engine, next to the GEMV floor measured in the same run.</summary>
internal sealed class BenchCommand(CliContext context) : Command<BenchSettings>
{
    public override int Execute(CommandContext commandContext, BenchSettings settings, CancellationToken cancellationToken)
    {
        using var directory = CommonSettings.OpenResultDirectory(settings.Out ?? Path.Combine("results", "bench"), "bench", settings.Force);
        var report = StepBenchmark.Run(settings.Epochs, new SynchronousProgress(context.PlainProgress(settings.Json)), settings.LargeSize);
        string written = directory.WriteJson("bench.json", report);
        string json = ResultJson.Serialize(report);
        if (settings.Json)
        {
            context.Output.WriteLine(json);
            return TorchFitApp.Success;
        }
        var table = new Table().Border(TableBorder.Rounded).Title("µs per step, float32 (and CUDA when present)")
            .AddColumn("engine").AddColumn("optimizer").AddColumn("device").AddColumn(Numbers.Column("problem")).AddColumn(Numbers.Column("batch"))
            .AddColumn(Numbers.Column("K")).AddColumn(Numbers.Column("threads")).AddColumn(Numbers.Column("µs per step"))
            .AddColumn(Numbers.Column("× GEMV floor"));
        foreach (var r in report.Results)
            table.AddRow(r.Engine, r.Optimizer, r.Device, $"{r.N}×{r.D}", $"{r.BatchSize}", $"{r.Configurations}", $"{r.Threads}", $"{r.MicrosecondsPerStep:0.00}",
                $"{r.MicrosecondsPerStep / report.Limits.FloorFor(r.N, r.D, r.Device):0.0}");
        Numbers.Write(context.Console, table);
        string floors = string.Join("; ", report.Limits.Gemv.Select(g => $"{g.N}×{g.D} on {g.Device}: {g.Microseconds:0.0} µs per {g.BatchSize}-row GEMV"));
        context.Console.MarkupLine(Markup.Escape(
            $"Floors measured in this run: {floors}; 1024² matmul = {report.Limits.MatmulGflops:0.0} GFLOP/s. "
            + "libtorch ran on one thread; 'threads' is what the engine itself used. For batched rows (K > 1) the time is per configuration-step. Times include each epoch's shuffle and float64 full-data MSE, "
            + $"except 'steps only'. Peak working set {report.PeakWorkingSetMegabytes:0} MB. Wrote {written}."));
        return TorchFitApp.Success;
    }

    private sealed class SynchronousProgress(TextWriter writer) : IProgress<string>
    {
        public void Report(string value)
        {
            writer.WriteLine("bench: " + value);
            writer.Flush();
        }
    }
}
