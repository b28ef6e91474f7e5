using TorchFit.Cli.Output;

namespace TorchFit.Tests.Cli;

public class ConsoleFactoryTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("60")]
    public void Should_Not_Wrap_Redirected_Output(string? columns)
    {
        // When stdout is a file or a pipe, COLUMNS or not
        // Then lines are not laid out to a terminal's width
        Assert.Equal(ConsoleFactory.UnwrappedWidth, ConsoleFactory.Width(redirected: true, columns));
    }

    [Theory]
    [InlineData("60", 60)]
    [InlineData("132", 132)]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("wide", null)]
    [InlineData("0", null)]
    public void Should_Honour_Columns_On_A_Terminal(string? columns, int? expected)
    {
        // When stdout is a terminal, COLUMNS wins; without a valid one, the terminal's own width is followed
        Assert.Equal(expected, ConsoleFactory.Width(redirected: false, columns));
    }
}
