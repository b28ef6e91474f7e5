using TorchFit.Build;

namespace TorchFit.Tests.NativeFix;

public class GlibcxxCompatTests
{
    private static readonly string OutputLibrary = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
    private static readonly string PristineLibrary = Path.Combine(AppContext.BaseDirectory, "testdata", "libLibTorchSharp.pristine.so");

    [Fact]
    public void Should_Leave_A_Host_Compatible_Library_In_The_Build_Output()
    {
        if (!OperatingSystem.IsLinux()) return;   // the fix only exists on Linux
        // Given the host's libstdc++ and the library this test assembly loads
        string host = GlibcxxCompat.FindHostLibStdCxx() ?? throw new InvalidOperationException("no libstdc++.so.6 on this Linux host");
        var hostVersions = ElfVersioning.ReadVersionDefinitions(File.ReadAllBytes(host));

        // When we list its libstdc++ version requirements
        var needs = ElfVersioning.ReadVersionNeeds(File.ReadAllBytes(OutputLibrary)).Where(n => n.File == GlibcxxCompat.LibStdCxx).ToList();

        // Then every one the host lacks is weak, so the dynamic loader accepts the library
        Assert.NotEmpty(needs);
        Assert.All(needs.Where(n => !hostVersions.Contains(n.Version)), n => Assert.True(n.IsWeak, $"{n.Version} is required but missing from {host}"));
    }

    [Fact]
    public void Should_Weaken_Only_The_Version_The_Host_Lacks()
    {
        // Given the untouched library and a Debian 12 host (GLIBCXX up to 3.4.30)
        byte[] pristine = File.ReadAllBytes(PristineLibrary);
        var debian12 = Enumerable.Range(0, 31).Select(i => i == 0 ? "GLIBCXX_3.4" : $"GLIBCXX_3.4.{i}").Append("CXXABI_1.3").ToHashSet();
        foreach (int minor in Enumerable.Range(1, 13)) debian12.Add($"CXXABI_1.3.{minor}");

        // When the fix plans and applies its change
        var plan = GlibcxxCompat.Plan(pristine, debian12);
        byte[] patched = GlibcxxCompat.Apply(pristine, plan);

        // Then exactly GLIBCXX_3.4.32 becomes weak, and only its flag bytes change
        Assert.Empty(plan.Unfixable);
        Assert.Equal(["GLIBCXX_3.4.32"], plan.ToWeaken.Select(n => n.Version));
        var changed = Enumerable.Range(0, pristine.Length).Where(i => pristine[i] != patched[i]).ToList();
        Assert.NotEmpty(changed);
        Assert.All(changed, i => Assert.InRange(i, plan.ToWeaken[0].FlagsOffset, plan.ToWeaken[0].FlagsOffset + 1));
        var after = ElfVersioning.ReadVersionNeeds(patched).Single(n => n.Version == "GLIBCXX_3.4.32");
        Assert.True(after.IsWeak);
    }

    [Fact]
    public void Should_Change_Nothing_On_A_Host_That_Has_Every_Version()
    {
        // Given a host that defines every version the library asks for
        byte[] pristine = File.ReadAllBytes(PristineLibrary);
        var everything = ElfVersioning.ReadVersionNeeds(pristine).Select(n => n.Version).ToHashSet();

        // When the fix plans its change
        var plan = GlibcxxCompat.Plan(pristine, everything);

        // Then it is a no-op
        Assert.Empty(plan.ToWeaken);
        Assert.Equal(pristine, GlibcxxCompat.Apply(pristine, plan));
    }

    [Fact]
    public void Should_Only_Find_The_Harmless_Symbol_Bound_To_The_Missing_Version()
    {
        // Given the untouched library
        byte[] pristine = File.ReadAllBytes(PristineLibrary);
        var need = ElfVersioning.ReadVersionNeeds(pristine).Single(n => n.Version == "GLIBCXX_3.4.32");

        // When we list the dynamic symbols bound to GLIBCXX_3.4.32
        var symbols = ElfVersioning.SymbolsBoundTo(pristine, need.Index);

        // Then it is only std::ios_base_library_init(), which nothing relocates against
        Assert.Equal(["_ZSt21ios_base_library_initv"], symbols);
        Assert.False(need.IsWeak);
    }

    [Fact]
    public void Should_Reject_A_File_That_Is_Not_Elf()
    {
        Assert.Throws<InvalidDataException>(() => ElfVersioning.ReadVersionNeeds(new byte[128]));
    }
}
