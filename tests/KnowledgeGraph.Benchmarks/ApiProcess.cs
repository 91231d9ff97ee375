using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// The real API started as its own process (<c>dotnet KnowledgeGraph.Api.dll</c>) on a free loopback port, so start
/// time and resident memory are the ones a user sees. Its log goes to a file; a failed start shows the log's tail.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ApiProcess(Process process, StreamWriter log, Uri address, string logPath)
    {
        _process = process;
        _log = log;
        Address = address;
        LogPath = logPath;
    }

    public Uri Address { get; }

    public string LogPath { get; }

    public int Id => _process.Id;

    /// <summary>Starts the API and waits until /health answers 200; the time includes validating and importing the seeds.</summary>
    public static async Task<(ApiProcess Api, TimeSpan StartTime)> StartAsync(string apiDll, IReadOnlyDictionary<string, string> environment,
        string logPath, TimeSpan timeout)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(apiDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(address.ToString().TrimEnd('/'));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // The collector is the one the API ships with (its runtimeconfig: server), so the figures are what a user gets.
        foreach (var (key, value) in environment) info.Environment[key] = value;

        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet could not be started");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new ApiProcess(process, log, address, logPath);

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        while (true)
        {
            if (process.HasExited)
            {
                var code = process.ExitCode;
                await api.DisposeAsync();
                throw new InvalidOperationException($"The API exited with code {code} before /health answered. Log {logPath}:\n{Tail(logPath)}");
            }
            if (clock.Elapsed > timeout)
            {
                await api.DisposeAsync();
                throw new TimeoutException($"/health did not answer within {timeout.TotalSeconds:0} s. Log {logPath}:\n{Tail(logPath)}");
            }
            try
            {
                using var response = await http.GetAsync(RequestPlan.Health);
                if (response.StatusCode == HttpStatusCode.OK) return (api, clock.Elapsed);
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Waits until /health no longer says <c>"indexesReady": false</c> (the embedded store builds its in-memory indexes in
    /// the background after start-up), so the rows measure a warm server rather than one still building; the time it took.
    /// </summary>
    public async Task<TimeSpan> WaitUntilWarmAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        while (clock.Elapsed < timeout)
        {
            var health = await http.GetStringAsync(RequestPlan.Health);
            if (!health.Contains("\"indexesReady\":false", StringComparison.Ordinal)) return clock.Elapsed;
            await Task.Delay(100);
        }
        throw new TimeoutException($"the API's indexes were not ready within {timeout.TotalSeconds:0} s. Log {LogPath}:\n{Tail(LogPath)}");
    }

    /// <summary>Resident memory (VmRSS) and its peak (VmHWM) from /proc, in bytes; zero where /proc is not there.</summary>
    public (long Resident, long Peak) Memory() => ProcessMemory.Read(_process.Id);

    /// <summary>SIGTERM (a graceful stop, so SQLite closes cleanly), then a kill if it does not stop in 15 s.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    public static string Tail(string path, int lines = 40)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public static class ProcessMemory
{
    /// <summary>VmRSS and VmHWM of a process in bytes, read from /proc/&lt;pid&gt;/status (Linux).</summary>
    public static (long Resident, long Peak) Read(int pid)
    {
        try
        {
            long rss = 0, hwm = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line);
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Kilobytes(line);
            }
            return (rss, hwm);
        }
        catch (IOException)
        {
            return (0, 0);
        }

        static long Kilobytes(string line) =>
            long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
