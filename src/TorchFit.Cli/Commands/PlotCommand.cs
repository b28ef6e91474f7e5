using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Cli.Output;
using TorchFit.Cli.Settings;
using TorchFit.Plotting;
using TorchFit.IO;
using TorchFit.Sweeps;

namespace TorchFit.Cli.Commands;

/// <summary><c>torchfit plot DIR</c>: redraws a sweep directory's heatmaps and curves from its files.</summary>
internal sealed class PlotCommand(CliContext context) : Command<PlotSettings>
{
    public override int Execute(CommandContext commandContext, PlotSettings settings, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(settings.Directory)) throw new InvalidInputException($"{settings.Directory}: no such directory");
        using var held = DirectoryLock.Take(settings.Directory);
        var store = new SweepStore(settings.Directory);
        var manifest = store.ReadManifest() ?? throw new InvalidInputException($"{settings.Directory}: no manifest.json here; not a sweep directory");
        var rows = store.ReadRows();
        if (rows.Count == 0) throw new InvalidInputException($"{settings.Directory}: no finished configurations to plot yet");
        var plots = SweepPlots.Write(store, manifest, rows, context.Cancellation);
        SweepView.Show(context.Console, manifest, rows);
        context.Console.MarkupLine(Markup.Escape($"Wrote {plots.Count} plots in {Path.Combine(settings.Directory, "plots")}."));
        return TorchFitApp.Success;
    }
}
