#nullable enable
// Debian 12 ships libstdc++ up to GLIBCXX_3.4.30; TorchSharp 0.107's libLibTorchSharp.so asks for
// GLIBCXX_3.4.32 only because GCC 13 headers reference std::ios_base_library_init() to force
// iostream start-up. Nothing else binds to that version, so the requirement can be marked weak
// (VER_FLG_WEAK on its Vernaux entry): glibc's loader then accepts the library on older hosts.
//
// This file is compiled twice: by MSBuild's RoslynCodeTaskFactory as the build task (see
// TorchSharpNativeFix.targets) and by the test project (with TORCHFIT_TESTS defined, without
// the task class) to test the ELF logic itself. It must stay one self-contained file.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace TorchFit.Build
{
    /// <summary>One version requirement (Vernaux entry) of an ELF shared library.</summary>
    public sealed class ElfVersionNeed
    {
        public ElfVersionNeed(string file, string version, bool isWeak, int flagsOffset, ushort index)
        {
            File = file; Version = version; IsWeak = isWeak; FlagsOffset = flagsOffset; Index = index;
        }

        /// <summary>The library that must provide the version (vn_file), e.g. libstdc++.so.6.</summary>
        public string File { get; }
        /// <summary>The version name (vna_name), e.g. GLIBCXX_3.4.32.</summary>
        public string Version { get; }
        /// <summary>True when VER_FLG_WEAK is set: a missing version is then not an error.</summary>
        public bool IsWeak { get; }
        /// <summary>File offset of vna_flags.</summary>
        public int FlagsOffset { get; }
        /// <summary>vna_other: the index that .gnu.version uses for symbols bound to this version.</summary>
        public ushort Index { get; }
    }

    /// <summary>Reads and edits the symbol-versioning sections of a little-endian ELF64 file.</summary>
    public static class ElfVersioning
    {
        public const ushort WeakFlag = 0x2;                 // VER_FLG_WEAK
        private const uint ShtDynsym = 11;
        private const uint ShtGnuVerdef = 0x6ffffffd;
        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const uint ShtGnuVersym = 0x6fffffff;

        private sealed class Section
        {
            public uint Type; public long Offset; public long Size; public uint Link;
        }

        private static List<Section> ReadSections(byte[] elf)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
                throw new InvalidDataException("not an ELF file");
            if (elf[4] != 2 || elf[5] != 1)
                throw new InvalidDataException("only little-endian ELF64 is supported");
            long shoff = BitConverter.ToInt64(elf, 0x28);
            int shentsize = BitConverter.ToUInt16(elf, 0x3A);
            int shnum = BitConverter.ToUInt16(elf, 0x3C);
            var sections = new List<Section>(shnum);
            for (int i = 0; i < shnum; i++)
            {
                long at = shoff + (long)i * shentsize;
                if (at + 64 > elf.Length) throw new InvalidDataException("truncated section header table");
                sections.Add(new Section
                {
                    Type = BitConverter.ToUInt32(elf, (int)at + 4),
                    Offset = BitConverter.ToInt64(elf, (int)at + 24),
                    Size = BitConverter.ToInt64(elf, (int)at + 32),
                    Link = BitConverter.ToUInt32(elf, (int)at + 40),
                });
            }
            return sections;
        }

        private static string ReadString(byte[] elf, Section strtab, uint offset)
        {
            int start = (int)(strtab.Offset + offset);
            int end = start;
            while (end < elf.Length && elf[end] != 0) end++;
            return Encoding.ASCII.GetString(elf, start, end - start);
        }

        /// <summary>Every Vernaux entry of .gnu.version_r.</summary>
        public static List<ElfVersionNeed> ReadVersionNeeds(byte[] elf)
        {
            var sections = ReadSections(elf);
            var result = new List<ElfVersionNeed>();
            foreach (var verneed in sections.Where(s => s.Type == ShtGnuVerneed))
            {
                var strtab = sections[(int)verneed.Link];
                int need = (int)verneed.Offset;
                while (true)
                {
                    int count = BitConverter.ToUInt16(elf, need + 2);
                    string file = ReadString(elf, strtab, BitConverter.ToUInt32(elf, need + 4));
                    int aux = need + (int)BitConverter.ToUInt32(elf, need + 8);
                    for (int i = 0; i < count; i++)
                    {
                        ushort flags = BitConverter.ToUInt16(elf, aux + 4);
                        ushort other = BitConverter.ToUInt16(elf, aux + 6);
                        string name = ReadString(elf, strtab, BitConverter.ToUInt32(elf, aux + 8));
                        result.Add(new ElfVersionNeed(file, name, (flags & WeakFlag) != 0, aux + 4, other));
                        uint nextAux = BitConverter.ToUInt32(elf, aux + 12);
                        if (nextAux == 0) break;
                        aux += (int)nextAux;
                    }
                    uint next = BitConverter.ToUInt32(elf, need + 12);
                    if (next == 0) break;
                    need += (int)next;
                }
            }
            return result;
        }

        /// <summary>Every version name a library defines (.gnu.version_d), e.g. GLIBCXX_3.4.30.</summary>
        public static HashSet<string> ReadVersionDefinitions(byte[] elf)
        {
            var sections = ReadSections(elf);
            var result = new HashSet<string>(StringComparer.Ordinal);
            foreach (var verdef in sections.Where(s => s.Type == ShtGnuVerdef))
            {
                var strtab = sections[(int)verdef.Link];
                int def = (int)verdef.Offset;
                while (true)
                {
                    int count = BitConverter.ToUInt16(elf, def + 6);
                    int aux = def + (int)BitConverter.ToUInt32(elf, def + 12);
                    for (int i = 0; i < count; i++)
                    {
                        result.Add(ReadString(elf, strtab, BitConverter.ToUInt32(elf, aux)));
                        uint nextAux = BitConverter.ToUInt32(elf, aux + 4);
                        if (nextAux == 0) break;
                        aux += (int)nextAux;
                    }
                    uint next = BitConverter.ToUInt32(elf, def + 16);
                    if (next == 0) break;
                    def += (int)next;
                }
            }
            return result;
        }

        /// <summary>Names of the dynamic symbols bound to a version index (.gnu.version entries).</summary>
        public static List<string> SymbolsBoundTo(byte[] elf, ushort versionIndex)
        {
            var sections = ReadSections(elf);
            var dynsym = sections.FirstOrDefault(s => s.Type == ShtDynsym);
            var versym = sections.FirstOrDefault(s => s.Type == ShtGnuVersym);
            var names = new List<string>();
            if (dynsym == null || versym == null) return names;
            var strtab = sections[(int)dynsym.Link];
            long count = dynsym.Size / 24;
            for (long i = 0; i < count; i++)
            {
                ushort index = (ushort)(BitConverter.ToUInt16(elf, (int)(versym.Offset + 2 * i)) & 0x7fff);
                if (index != versionIndex) continue;
                names.Add(ReadString(elf, strtab, BitConverter.ToUInt32(elf, (int)(dynsym.Offset + 24 * i))));
            }
            return names;
        }
    }

    /// <summary>What <see cref="GlibcxxCompat.Plan"/> decided for one library.</summary>
    public sealed class GlibcxxPlan
    {
        public List<ElfVersionNeed> ToWeaken { get; } = new List<ElfVersionNeed>();
        /// <summary>Missing versions that bind symbols other than the known-harmless ones.</summary>
        public List<string> Unfixable { get; } = new List<string>();
    }

    /// <summary>Decides and applies the weakening of libstdc++ versions a host lacks.</summary>
    public static class GlibcxxCompat
    {
        public const string LibStdCxx = "libstdc++.so.6";

        /// <summary>Symbols that may be bound to a missing version without harm.</summary>
        public static readonly string[] HarmlessSymbols = { "_ZSt21ios_base_library_initv" };

        /// <summary>Which libstdc++ version needs of <paramref name="elf"/> the host lacks, and whether they are safe to weaken.</summary>
        public static GlibcxxPlan Plan(byte[] elf, ISet<string> hostVersions)
        {
            var plan = new GlibcxxPlan();
            foreach (var need in ElfVersioning.ReadVersionNeeds(elf))
            {
                if (need.File != LibStdCxx || need.IsWeak || hostVersions.Contains(need.Version)) continue;
                var bound = ElfVersioning.SymbolsBoundTo(elf, need.Index);
                var harmful = bound.Where(s => Array.IndexOf(HarmlessSymbols, s) < 0).ToList();
                if (harmful.Count == 0) plan.ToWeaken.Add(need);
                else plan.Unfixable.Add(need.Version + " (" + string.Join(", ", harmful.Take(3)) + ")");
            }
            return plan;
        }

        /// <summary>Returns a copy of <paramref name="elf"/> with the planned versions marked weak.</summary>
        public static byte[] Apply(byte[] elf, GlibcxxPlan plan)
        {
            var patched = (byte[])elf.Clone();
            foreach (var need in plan.ToWeaken)
            {
                ushort flags = BitConverter.ToUInt16(patched, need.FlagsOffset);
                flags |= ElfVersioning.WeakFlag;
                patched[need.FlagsOffset] = (byte)(flags & 0xff);
                patched[need.FlagsOffset + 1] = (byte)(flags >> 8);
            }
            return patched;
        }

        /// <summary>
        /// The host's libstdc++.so.6 as the dynamic loader finds it (ldconfig's cache, then the
        /// usual directories), or null when there is none (not Linux, or a static toolchain).
        /// </summary>
        public static string? FindHostLibStdCxx()
        {
            try
            {
                var info = new ProcessStartInfo("ldconfig", "-p") { RedirectStandardOutput = true, UseShellExecute = false };
                using var process = Process.Start(info);
                if (process != null)
                {
                    string output = process.StandardOutput.ReadToEnd();
                    process.WaitForExit();
                    foreach (var line in output.Split('\n'))
                    {
                        // "	libstdc++.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libstdc++.so.6"
                        if (!line.TrimStart().StartsWith(LibStdCxx + " ", StringComparison.Ordinal)) continue;
                        if (Environment.Is64BitProcess && !line.Contains("64")) continue;
                        int arrow = line.IndexOf("=> ", StringComparison.Ordinal);
                        if (arrow >= 0 && File.Exists(line.Substring(arrow + 3).Trim())) return line.Substring(arrow + 3).Trim();
                    }
                }
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception || e is InvalidOperationException)
            {
                // No ldconfig: fall through to the usual places.
            }
            string[] candidates =
            {
                "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
                "/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
                "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
            };
            return candidates.FirstOrDefault(File.Exists);
        }
    }

#if !TORCHFIT_TESTS
    /// <summary>MSBuild task: weakens missing libstdc++ versions in the build output's copies.</summary>
    public sealed class WeakenMissingGlibcxxVersions : Microsoft.Build.Utilities.Task
    {
        /// <summary>The native libraries in the output directory (never the NuGet cache).</summary>
        [Microsoft.Build.Framework.Required]
        public Microsoft.Build.Framework.ITaskItem[] Libraries { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();

        public override bool Execute()
        {
            if (Libraries.Length == 0) return true;
            string? host = GlibcxxCompat.FindHostLibStdCxx();
            if (host == null)
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, "TorchFit native fix: no libstdc++.so.6 on this host; nothing to do.");
                return true;
            }
            var hostVersions = ElfVersioning.ReadVersionDefinitions(File.ReadAllBytes(host));
            foreach (var item in Libraries)
            {
                string path = item.ItemSpec;
                byte[] elf = File.ReadAllBytes(path);
                var plan = GlibcxxCompat.Plan(elf, hostVersions);
                foreach (var version in plan.Unfixable)
                    Log.LogWarning("TorchFit native fix: {0} needs {1} from {2}, which this host's libstdc++ lacks and which cannot be weakened safely.", path, version, host);
                if (plan.ToWeaken.Count == 0) continue;
                // Write a new file and move it over the old one: if the output copy is a hard link
                // into the NuGet cache, the link is replaced and the cache stays untouched.
                string temp = path + ".torchfit-tmp";
                File.WriteAllBytes(temp, GlibcxxCompat.Apply(elf, plan));
                File.Delete(path);
                File.Move(temp, path);
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High,
                    "TorchFit native fix: marked {0} weak in {1} (host libstdc++ {2} lacks it; see README, Troubleshooting).",
                    string.Join(", ", plan.ToWeaken.Select(n => n.Version)), path, host);
            }
            return !Log.HasLoggedErrors;
        }
    }
#endif
}
