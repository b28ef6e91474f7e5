using System.Text.Json;
using Spectre.Console.Cli;
using TorchFit.Cli.Output;
using TorchFit.Cli.Settings;
using TorchFit.Diagnostics;
using TorchFit.Devices;
using TorchFit.IO;

namespace TorchFit.Cli.Commands;

/// <summary><c>torchfit diagnose</c>: the spectrum of A and what it predicts for the given settings.</summary>
internal sealed class DiagnoseCommand(CliContext context) : Command<DiagnoseSettings>
{
    public override int Execute(CommandContext commandContext, DiagnoseSettings settings, CancellationToken cancellationToken)
    {
        string directory = settings.Out ?? Path.Combine("results", "diagnose");
        IntraOpThreads.Apply(settings.Threads ?? Environment.ProcessorCount);
        var diagnosis = Diagnoser.Diagnose(settings.CreateProblem(), settings.ToOptions(), settings.Target);
        string json = JsonSerializer.Serialize(diagnosis, ResultWriter.Json);
        AtomicFile.WriteText(Path.Combine(directory, "diagnosis.json"), json + "\n");
        if (settings.Json) context.Output.WriteLine(json);
        else DiagnosisView.Show(context.Console, diagnosis);
        return TorchFitApp.Success;
    }
}
