using TorchFit.Problems.Files;

namespace TorchFit.Tests.Problems.Files;

public class CsvProblemReaderTests
{
    [Fact]
    public void Should_Take_The_Last_Column_As_B_And_Detect_A_Header()
    {
        string path = TestFiles.WriteText("p.csv", "x1,x2,y\n1,2,3\n4,5,6\n");

        var loaded = ProblemFile.Load(path);

        Assert.Equal([1.0, 2, 4, 5], loaded.Problem.Matrix.ToArray());
        Assert.Equal([3.0, 6], loaded.Problem.Target.ToArray());
        Assert.Equal(2, loaded.Problem.Rows);
    }

    [Fact]
    public void Should_Read_A_First_Row_Of_Numbers_As_Data()
    {
        var loaded = ProblemFile.Load(TestFiles.WriteText("p.csv", "1,2,3\n4,5,6\n"));
        Assert.Equal(2, loaded.Problem.Rows);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("-3")]
    [InlineData("x1")]
    [InlineData("X1")]
    public void Should_Take_B_From_The_Target_Column(string column)
    {
        var loaded = ProblemFile.Load(TestFiles.WriteText("p.csv", "x1,x2,y\n1,2,3\n4,5,6\n"), column);
        Assert.Equal([1.0, 4], loaded.Problem.Target.ToArray());
        Assert.Equal([2.0, 3, 5, 6], loaded.Problem.Matrix.ToArray());
    }

    [Fact]
    public void Should_Skip_Comments_And_Blank_Lines_And_Read_Semicolons_And_Quotes()
    {
        var loaded = ProblemFile.Load(TestFiles.WriteText("p.csv", "# made by hand\n\n\"a\";\"b\"\n\"1.5\";2e-3\n"));
        Assert.Equal([1.5], loaded.Problem.Matrix.ToArray());
        Assert.Equal([0.002], loaded.Problem.Target.ToArray());
    }

    [Theory]
    [InlineData("a,b,c\n1,2,3\n4,abc,6\n", ":3:2: 'abc' is not a number")]
    [InlineData("1,2,3\n4,5\n", ":2: 2 columns, but the first row has 3")]
    [InlineData("a,b,c\n1,2,3\n4,5,6,7\n", ":3: 4 columns, but the header has 3")]
    [InlineData("1,2,3\n4,,6\n", ":2:2: empty cell")]
    [InlineData("1,2,3\n4,nan,6\n", ":2:2: NaN; NaN and Inf are not allowed")]
    [InlineData("1,2,3\n4,5,-inf\n", ":2:3: -Inf; NaN and Inf are not allowed")]
    [InlineData("a,b\n", ": no data rows after the header")]
    [InlineData("", ": no data rows")]
    [InlineData("1\n2\n", ":1: a problem needs at least 2 columns")]
    public void Should_Name_Line_And_Column_Of_Bad_Cells(string text, string message)
    {
        string path = TestFiles.WriteText("bad.csv", text);
        var error = Assert.Throws<InvalidInputException>(() => ProblemFile.Load(path));
        Assert.Equal(path + message, error.Message[..(path.Length + message.Length)]);
    }

    [Theory]
    [InlineData("4", "target column 4 is out of range: the file has 3 columns")]
    [InlineData("0", "target column 0 is out of range")]
    [InlineData("y", "no column named 'y' (the header has 'a', 'b', 'c')")]
    public void Should_Refuse_A_Target_Column_The_File_Lacks(string column, string message)
    {
        string path = TestFiles.WriteText("p.csv", "a,b,c\n1,2,3\n");
        var error = Assert.Throws<InvalidInputException>(() => ProblemFile.Load(path, column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Need_A_Header_To_Find_A_Column_By_Name()
    {
        var error = Assert.Throws<InvalidInputException>(() => ProblemFile.Load(TestFiles.WriteText("p.csv", "1,2,3\n"), "y"));
        Assert.Contains("has no header row", error.Message, StringComparison.Ordinal);
    }
}
