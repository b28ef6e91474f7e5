using System.Runtime.InteropServices;
using TorchFit.Cli;
using TorchFit.Cli.Output;

using var cancellation = new CancellationTokenSource();
// The first SIGINT (Ctrl+C) or SIGTERM (what Slurm, Kubernetes and systemd send before they kill):
// finish the current epoch, keep completed results, exit 128 + the signal's number (130 or 143).
// A second signal of either kind: the default, which ends the process at once.
const int Terminated = 143;   // 128 + 15, as a shell reports a process that SIGTERM ended
int stopCode = 0;
void Stop(PosixSignalContext signal)
{
    int code = signal.Signal == PosixSignal.SIGTERM ? Terminated : TorchFitApp.Cancelled;
    if (Interlocked.CompareExchange(ref stopCode, code, 0) != 0) return;
    signal.Cancel = true;
    cancellation.Cancel();
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
int exitCode = TorchFitApp.Run(args, new CliContext(ConsoleFactory.Create(), Console.Out, Console.Error, cancellation.Token));
return exitCode == TorchFitApp.Cancelled && stopCode != 0 ? stopCode : exitCode;
