using TorchFit.Cli;
using TorchFit.Cli.Output;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C: finish the current epoch, keep completed results, exit 130. Second: the default.
    if (cancellation.IsCancellationRequested) return;
    e.Cancel = true;
    cancellation.Cancel();
};
return TorchFitApp.Run(args, new CliContext(ConsoleFactory.Create(), Console.Out, Console.Error, cancellation.Token));
