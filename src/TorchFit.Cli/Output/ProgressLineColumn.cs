using Spectre.Console;
using Spectre.Console.Rendering;

namespace TorchFit.Cli.Output;

/// <summary>
/// The one column of TorchFit's live progress: each task's <see cref="ProgressLine"/> (kept in its
/// <see cref="ProgressTask.Tag"/>) laid out to the terminal's width at every redraw, so a resize is
/// followed. Spectre's own columns share the width in a grid that, below about 100 columns, left
/// only "…", and at 120 a 3-character bar with the percentage wrapped one character per line.
/// </summary>
internal sealed class ProgressLineColumn : ProgressColumn
{
    protected override bool NoWrap => true;

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        var line = task.Tag as ProgressLine ?? new ProgressLine(task.Description, [], task.Percentage / 100, Eta.Short(null));
        return new Markup(line.Fit(options.ConsoleSize.Width).ToMarkup(options.Unicode));
    }
}
