using System.IO.Compression;
using System.Text;
using OolSpecs.Harness.Cli;
using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Harness.Tests.Snapshots;

/// <summary>
/// What `accept --from` refuses, naming the entry, with exit 2 and nothing written: damaged zip
/// entries, files that are not regular (never opened), entries the catalogue does not know,
/// names too long to write, and an empty --from.
/// </summary>
public sealed class ArtifactRefusalTests : IDisposable
{
    static readonly string ForkEntry = $"macos-26.0/arm64/{ArtifactWorkbench.Fork}.received.md";

    readonly ArtifactWorkbench bench = new();

    public void Dispose() => bench.Dispose();

    void RefusedNaming(string entry, string why)
    {
        bench.Errors.ToString().Should().Contain($"refused '{entry}'").And.Contain(why).And.Contain("nothing was approved");
        bench.TreeFiles().Should().BeEmpty("a refusal writes nothing");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_or_blank_from_is_bad_input_naming_the_option(string from)
    {
        bench.Accept("--from", from).Should().Be(ExitCode.BadInput);

        bench.Errors.ToString().Should().StartWith("oolspecs: accept: --from").And.Contain("names no folder or file").And.NotContain("   at ");
    }

    [Fact]
    public void A_zip_entry_whose_bytes_do_not_match_its_checksum_is_refused()
    {
        var zip = bench.Zip(CompressionLevel.NoCompression, (ForkEntry, "# fork, stored as it is\n"));
        var bytes = File.ReadAllBytes(zip);
        var at = IndexOf(bytes, "stored as it is"u8);
        bytes[at] ^= 0x20;
        File.WriteAllBytes(zip, bytes);

        bench.Accept("--from", zip).Should().Be(ExitCode.BadInput);

        RefusedNaming(ForkEntry, "damaged in the archive");
    }

    [Fact]
    public void A_zip_entry_cut_short_is_refused()
    {
        var zip = bench.Zip((ForkEntry, string.Concat(Enumerable.Range(0, 400).Select(i => $"| {i} | {i * 7919 % 1000} |\n"))));
        var bytes = File.ReadAllBytes(zip);

        // The entry's compressed size, in its local header (offset 18) and in the central directory (offset 20), halved: its data ends early.
        var central = IndexOf(bytes, [0x50, 0x4B, 0x01, 0x02]);
        var size = BitConverter.ToInt32(bytes, 18);
        BitConverter.GetBytes(size / 2).CopyTo(bytes, 18);
        BitConverter.GetBytes(size / 2).CopyTo(bytes, central + 20);
        File.WriteAllBytes(zip, bytes);

        bench.Accept("--from", zip).Should().Be(ExitCode.BadInput);

        RefusedNaming(ForkEntry, "damaged in the archive");
        bench.Errors.ToString().Should().Contain("bytes read where the archive records", "a short entry is named as one");
    }

    [Fact]
    public void A_zip_file_cut_short_is_bad_input_saying_to_download_it_again()
    {
        var zip = bench.Zip((ForkEntry, "# fork\n"));
        var bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, bytes[..(bytes.Length / 2)]);

        bench.Accept("--from", zip).Should().Be(ExitCode.BadInput);

        bench.Errors.ToString().Should().Contain(zip).And.Contain("truncated").And.Contain("download it again");
        bench.TreeFiles().Should().BeEmpty();
    }

    [Theory]
    [InlineData(0x1000u, "0x1000")]
    [InlineData(0x2000u, "0x2000")]
    [InlineData(0x6000u, "0x6000")]
    [InlineData(0xC000u, "0xC000")]
    public void A_zip_entry_recorded_as_a_fifo_a_device_or_a_socket_is_refused(uint type, string named)
    {
        var path = Path.Combine(bench.Work.FullName, "special.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            var entry = zip.CreateEntry(ForkEntry);
            entry.ExternalAttributes = unchecked((int)((type | 0x1A4u) << 16));
            using var writer = new StreamWriter(entry.Open());
            writer.Write("# not a file\n");
        }

        bench.Accept("--from", path).Should().Be(ExitCode.BadInput);

        RefusedNaming(ForkEntry, $"not a regular file (Unix file type {named}");
    }

    [Fact]
    public async Task A_fifo_in_a_folder_artifact_is_refused_without_being_opened()
    {
        var folder = bench.Folder(($"macos-15.5/arm64/{ArtifactWorkbench.Fork}.received.md", "# fine\n"));
        var fifo = Path.Combine(folder, ForkEntry);
        ArtifactWorkbench.MakeFifo(fifo);

        var accept = Task.Run(() => bench.Accept("--from", folder));
        if (await Task.WhenAny(accept, Task.Delay(TimeSpan.FromSeconds(30))) != accept)
        {
            // Opening the FIFO blocked: let it go by opening the other end, then fail.
            await using (new FileStream(fifo, FileMode.Open, FileAccess.Write))
            {
            }

            await accept;
            Assert.Fail("accept --from opened the FIFO and waited for a writer");
        }

        (await accept).Should().Be(ExitCode.BadInput);
        RefusedNaming(ForkEntry, "it is a FIFO (named pipe), not a received file (it was not opened)");
    }

    [Fact]
    public void The_kind_of_a_file_is_read_without_opening_it()
    {
        var fifo = Path.Combine(bench.Work.FullName, "pipe");
        ArtifactWorkbench.MakeFifo(fifo);
        var regular = Path.Combine(bench.Work.FullName, "file");
        File.WriteAllText(regular, "x");

        var link = Path.Combine(bench.Work.FullName, "link");
        File.CreateSymbolicLink(link, regular);

        ArtifactReader.KindOf(fifo).Should().Be("a FIFO (named pipe)");
        ArtifactReader.KindOf("/dev/null").Should().Be("a character device", "/dev/null is one on macOS and Linux alike");
        ArtifactReader.KindOf(regular).Should().Be(ArtifactReader.RegularFile);
        ArtifactReader.KindOf(link).Should().Be("a symbolic link", "a link to a regular file is not one");
        ArtifactReader.KindOf(bench.Work.FullName).Should().Be("a folder");
        ArtifactReader.KindOf(Path.Combine(bench.Work.FullName, "gone")).Should().BeNull();
    }

    [Theory]
    [InlineData("macos-26.0/arm64/NoSuchFamily/fork-cow.received.md", "no scenario has the family 'NoSuchFamily'")]
    [InlineData("macos-26.0/arm64/ForkCopyOnWrite/no-such-case.received.md", "no scenario of ForkCopyOnWrite has the case 'no-such-case'")]
    [InlineData("macos-26.0/ppc/ForkCopyOnWrite/fork-cow.received.md", "the arch 'ppc'")]
    [InlineData("macos-26.0/x86_64-rosetta/ForkCopyOnWrite/fork-cow.received.md", "the arch 'x86_64-rosetta'")]
    public void An_entry_for_a_family_case_or_arch_the_catalogue_does_not_know_is_refused(string entry, string why)
    {
        var zip = bench.Zip((ForkEntry, "# fine on its own\n"), (entry, "# unknown\n"));

        bench.Accept("--from", zip).Should().Be(ExitCode.BadInput);

        RefusedNaming(entry, why);
    }

    [Fact]
    public void Every_approved_case_in_the_checkout_is_one_the_catalogue_knows()
    {
        var approved = Directory.EnumerateFiles(RepositoryRoot.Combine("snapshots"), "*" + SnapshotTree.ApprovedSuffix, SearchOption.AllDirectories)
            .Select(p => new SnapshotKey(Path.GetFileName(Path.GetDirectoryName(p))!, Path.GetFileName(p)[..^SnapshotTree.ApprovedSuffix.Length]))
            .ToList();

        approved.Should().NotBeEmpty().And.OnlyContain(k => ArtifactLayout.Knows(k), "a case approved here must be one a CI artifact may bring back");
        ArtifactLayout.Knows(new SnapshotKey("OolTransfer", "footprint-256MiB")).Should().BeTrue("the footprint case is named after a setting");
    }

    [Fact]
    public void A_name_longer_than_a_file_system_takes_is_refused_before_anything_is_written()
    {
        var entry = $"macos-26.0/arm64/ForkCopyOnWrite/{new string('c', 250)}.received.md";
        var zip = bench.Zip((ForkEntry, "# fine on its own\n"), (entry, "# long\n"));

        bench.Accept("--from", zip).Should().Be(ExitCode.BadInput);

        RefusedNaming(entry, "262 bytes, longer than the 255 a file system takes");
    }

    [Fact]
    public void A_path_longer_than_macos_takes_is_refused_before_anything_is_written()
    {
        // A tree deep enough that the approved file's path passes 1023 bytes, itself short enough to exist on a Mac.
        var deep = bench.Work.FullName;
        const int Depth = ArtifactApprover.MaxPathBytes - 50;
        while (Encoding.UTF8.GetByteCount(deep) < Depth)
        {
            deep = Path.Combine(deep, new string('d', Math.Min(200, Depth - Encoding.UTF8.GetByteCount(deep))));
        }

        Directory.CreateDirectory(deep);
        var output = new StringWriter();
        var errors = new StringWriter();
        var zip = bench.Zip((ForkEntry, "# fork\n"));

        new CommandLine(output, errors, () => throw new InvalidOperationException("the probe was started"), () => deep).Run(["accept", "--from", zip])
            .Should().Be(ExitCode.BadInput);

        errors.ToString().Should().Contain($"refused '{ForkEntry}'").And.Contain("longer than the 1023 macOS takes");
        Directory.EnumerateFileSystemEntries(deep).Should().BeEmpty();
    }

    static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle)
    {
        var at = haystack.AsSpan().IndexOf(needle);
        return at >= 0 ? at : throw new InvalidOperationException("the zip does not hold what the test wrote");
    }
}
