using System.Diagnostics;

namespace TorchFit.Tests.Cli;

/// <summary>
/// Runs the built torchfit in detached tmux sessions of a given width on a private tmux server,
/// and reads back their screens and scrollback.
/// </summary>
internal sealed class Terminal : IDisposable
{
    private readonly string _socket = "torchfit-test-" + Guid.NewGuid().ToString("N")[..12];

    public static bool Available => Run("tmux", "-V", out _) == 0;

    /// <summary>The torchfit app host the test project's build copies beside the tests.</summary>
    public static string Torchfit => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "TorchFit.Cli.exe" : "TorchFit.Cli");

    /// <summary>Starts <c>torchfit ARGS</c> in a session WIDTH columns wide; the pane stays after it exits.</summary>
    public void Start(string session, int width, string arguments)
    {
        Tmux($"new-session -d -s {session} -x {width} -y 20 \"{Torchfit} {arguments}; echo exit=$?; sleep 600\"");
    }

    /// <summary>The visible screen; with history, the scrollback too.</summary>
    public string Capture(string session, bool history = false) => Tmux($"capture-pane -p -t {session}{(history ? " -S -" : "")}");

    /// <summary>Polls the screen until <paramref name="seen"/> holds, or the timeout; returns the last screen.</summary>
    public string WaitFor(string session, Func<string, bool> seen, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        string screen = Capture(session);
        while (!seen(screen) && clock.Elapsed < timeout)
        {
            Thread.Sleep(150);
            screen = Capture(session);
        }
        return screen;
    }

    public void Dispose() => Run("tmux", $"-L {_socket} kill-server", out _);

    private string Tmux(string arguments) =>
        Run("tmux", $"-L {_socket} {arguments}", out string output) == 0 ? output : throw new InvalidOperationException($"tmux {arguments} failed: {output}");

    private static int Run(string file, string arguments, out string output)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            output = e.Message;
            return -1;
        }
    }
}
