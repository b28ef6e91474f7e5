using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Cli.Output;
using TorchFit.Cli.Settings;
using TorchFit.Plotting;
using TorchFit.Results;
using TorchFit.Sweeps;

namespace TorchFit.Cli.Commands;

/// <summary><c>torchfit merge DIR... --out DIR</c>: one directory from the shards of a sweep.</summary>
internal sealed class MergeCommand(CliContext context) : Command<MergeSettings>
{
    public override int Execute(CommandContext commandContext, MergeSettings settings, CancellationToken cancellationToken)
    {
        using var output = CommonSettings.OpenResultDirectory(settings.Out!, "merge", force: false, offerForce: false);
        var merged = SweepMerge.Merge(settings.Directories, settings.Out!);
        var store = new SweepStore(settings.Out!);
        var plots = SweepPlots.Write(store, merged.Manifest, merged.Rows, context.Cancellation);
        if (settings.Json)
        {
            context.Output.WriteLine(JsonSerializer.Serialize(new SweepDocument(merged.Manifest, merged.Rows, 0, 0, false, 0,
                [.. plots.Select(p => Path.GetRelativePath(settings.Out!, p))]), ResultJson.Options));
            return TorchFitApp.Success;
        }
        SweepView.Show(context.Console, merged.Manifest, merged.Rows);
        string status = merged.Complete ? "the whole grid" : $"{merged.Rows.Count} of {merged.Manifest.GridConfigurations} configurations (shards missing or unfinished)";
        context.Console.MarkupLine(Markup.Escape($"Merged {settings.Directories.Length} directories into {settings.Out}: {status}. Wrote {plots.Count} plots."));
        return TorchFitApp.Success;
    }
}
