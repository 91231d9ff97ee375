using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace KnowledgeGraph.Api.Tests.Infrastructure;

/// <summary>Writes the app's log to the output of the test that is running (set by each test class).</summary>
public sealed class TestOutputLoggerProvider : ILoggerProvider
{
    public ITestOutputHelper? Output { get; set; }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(TestOutputLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            try
            {
                provider.Output?.WriteLine($"[{logLevel}] {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
            }
            catch (InvalidOperationException)
            {
                // The test that owned the output has finished; its log line has nowhere to go.
            }
        }
    }
}
