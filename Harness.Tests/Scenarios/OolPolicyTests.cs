using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Tests.Scenarios;

public sealed class OolPolicyTests
{
    const long Page = MadeUpRuns.PageSize;

    [Theory]
    [InlineData(0, 1UL, 2UL, CopyPath.KernelBuffer)]
    [InlineData(MadeUpRuns.SendersTag, 1UL, 1UL, CopyPath.SendersObject)]
    [InlineData(MadeUpRuns.SendersTag, 1UL, 2UL, CopyPath.CopiedAtSend)]
    [InlineData(CopyPaths.IpcKernelTag, 1UL, 2UL, CopyPath.IpcCopyMap)]
    [InlineData(CopyPaths.MachMsgTag, 1UL, 2UL, CopyPath.CopiedAtReceive)]
    [InlineData(CopyPaths.MachMsgTag, 1UL, 1UL, CopyPath.WholePagesMappedAtReceive)]
    [InlineData(99, 1UL, 2UL, CopyPath.Unrecognised)]
    public void The_copy_path_is_read_from_the_receivers_tag_and_object(int receiverTag, ulong senderObject, ulong receiverObject, CopyPath expected)
    {
        CopyPaths.Of(MadeUpRuns.Transfer(16 * Page, receivedResident: 1, senderObject, receiverObject, receiverTag)).Should().Be(expected);
    }

    [Fact]
    public void A_sender_tagged_like_a_kernel_path_leaves_the_path_unrecognised_unless_its_object_is_mapped()
    {
        CopyPaths.Of(MadeUpRuns.Transfer(16 * Page, receivedResident: 16, 1UL, 2UL, CopyPaths.IpcKernelTag, senderTag: CopyPaths.IpcKernelTag))
            .Should().Be(CopyPath.Unrecognised, "tag 7 is both VM_MEMORY_MALLOC_TINY and VM_KERN_MEMORY_IPC");
        CopyPaths.Of(MadeUpRuns.Transfer(16 * Page, receivedResident: 1, 1UL, 1UL, CopyPaths.IpcKernelTag, senderTag: CopyPaths.IpcKernelTag))
            .Should().Be(CopyPath.SendersObject);
    }

    [Fact]
    public void A_refused_send_carried_nothing()
    {
        var run = MadeUpRuns.Transfer(16 * Page, receivedResident: 0, sendResult: 0x400);

        CopyPaths.Of(run).Should().Be(CopyPath.NotSent);
        run.AllSent.Should().BeFalse();
    }

    [Fact]
    public void The_threshold_is_the_largest_size_through_a_kernel_buffer()
    {
        var sweep = new OolThresholdSweep(
        [
            new(Page, 1, CopyPath.KernelBuffer, 0, 1, false),
            new(32 * 1024, 2, CopyPath.KernelBuffer, 0, 2, false),
            new(32 * 1024 + 1, 3, CopyPath.CopiedAtReceive, CopyPaths.MachMsgTag, 3, false),
        ]);

        sweep.Threshold.Should().Be(32 * 1024);
        new OolThresholdScenario().Render(sweep).Should()
            .Contain("| 32769 | 3 | 20 | 3 | no | virtual at send, copied at receive (misaligned) |")
            .And.Contain("Largest size copied through a kernel buffer: 32768 bytes.");
    }

    [Fact]
    public void The_sweep_covers_one_page_past_64_KiB_and_the_bytes_around_16_and_32_KiB()
    {
        var sizes = OolThresholdScenario.Sizes(16384);

        sizes.Should().StartWith([OolSize.Pages(1), OolSize.Pages(2)]);
        sizes.Should().Contain([OolSize.Pages(5), OolSize.Bytes(16383), OolSize.Bytes(16385), OolSize.Bytes(32767), OolSize.Bytes(32769)]);
        sizes.Should().NotContain([OolSize.Bytes(16384), OolSize.Bytes(32768)], "16 and 32 KiB are one and two whole pages, sent once");
        OolThresholdScenario.Sizes(4096).Should().Contain([OolSize.Pages(4), OolSize.Bytes(16385), OolSize.Pages(8)]).And.NotContain(OolSize.Bytes(32768));
        sizes.Should().NotContain(OolSize.Pages(6));
        OolThresholdScenario.Sizes(4096).Should().Contain(OolSize.Pages(17)).And.NotContain(OolSize.Pages(18));
    }

    [Fact]
    public void Footprint_changes_are_fractions_of_the_payload_rounded_to_tenths()
    {
        var payload = 64L * 1024 * 1024;
        var run = MadeUpRuns.Transfer(payload, receivedResident: 1, footprintBefore: 1_000_000,
            footprintReceived: 1_000_000 + payload / 50, footprintWritten: 1_000_000 + payload + payload / 30);
        var footprint = new OolFootprint(run);
        var scenario = new OolFootprintScenario(payload);

        footprint.ReceiverCharge(OolSteps.Received).Should().Be(0.0m);
        footprint.ReceiverCharge(OolSteps.AfterWrite).Should().Be(1.0m);
        scenario.Case.Should().Be("footprint-64MiB");
        scenario.Render(run).Should().Contain("| receiver | after-write | before receiving | 1.0 |");
    }

    [Theory]
    [InlineData("", 64L * 1024 * 1024)]
    [InlineData("268435456", 268435456L)]
    public void The_footprint_payload_comes_from_OOLSPECS_LARGE_BYTES(string value, long expected)
    {
        OolFootprintScenario.BytesFrom(value).Should().Be(expected);
    }

    [Theory]
    [InlineData("64M")]
    [InlineData("4096")]
    [InlineData("1572864")]
    [InlineData("4294967296")]
    public void A_bad_OOLSPECS_LARGE_BYTES_is_named_with_the_fix(string value)
    {
        var act = () => OolFootprintScenario.BytesFrom(value);

        act.Should().Throw<ArgumentException>().WithMessage($"*OOLSPECS_LARGE_BYTES='{value}'*1 MiB to 2 GiB*");
    }

    [Theory]
    [InlineData(MemoryKind.Purgeable, CopyOption.Virtual, 1, false, 1, "purgeable-virtual-1-page-no-free")]
    [InlineData(MemoryKind.Anonymous, CopyOption.Physical, 16, true, 1, "anonymous-physical-16-pages-free")]
    [InlineData(MemoryKind.Malloc, CopyOption.Virtual, 1, false, 2, "malloc-virtual-1-page-no-free-2-messages")]
    public void Case_names_say_memory_copy_size_deallocate_and_extras(MemoryKind memory, CopyOption copy, long pages, bool dealloc, int messages, string expected)
    {
        new OolTransferScenario(memory, copy, OolSize.Pages(pages), dealloc, Messages: messages).Case.Should().Be(expected);
    }

    [Fact]
    public void The_eight_article_cases_carry_the_articles_names()
    {
        ArticleCase.All.Select(c => c.Name).Should().Equal(
            "VIRTUAL;PAGE;NO_FREE", "VIRTUAL;PAGE;FREE", "VIRTUAL;PAGEx16;NO_FREE", "VIRTUAL;PAGEx16;FREE",
            "PHYSICAL;PAGE;NO_FREE", "PHYSICAL;PAGE;FREE", "PHYSICAL;PAGEx16;NO_FREE", "PHYSICAL;PAGEx16;FREE");
    }

    [Fact]
    public void A_rendered_transfer_names_the_received_copy_and_letters_shared_objects_alike()
    {
        var scenario = new OolTransferScenario(MemoryKind.Anonymous, CopyOption.Virtual, OolSize.Pages(2), Dealloc: false);
        var text = scenario.Render(MadeUpRuns.Transfer(2 * Page, receivedResident: 1, senderObject: 5, receiverObject: 5));

        text.Should().Contain("## Receiver: message 1 descriptor\n\n| field | value |\n| --- | --- |\n| copy | VIRTUAL_COPY |\n| size (bytes) | 32768 |");
        text.Should().Contain("## Receiver: message 1 received").And.Contain("| object | A |").And.NotContain("| object | B |");
        text.Should().Contain("## Sender: message 1 queued");
        text.Should().Contain("| message 1 copy path | virtual: the sender's object, mapped |").And.Contain("| receiver reads the bytes as sent | yes (16384 bytes checked) |");
    }

    [Fact]
    public void The_built_probe_checks_ool_transfer_arguments_on_every_OS()
    {
        var act = () => ProbeRunner.Default().Run("ool-transfer", "--memory", "anonymous", "--copy", "virtual", "--pages", "1", "--bytes", "1", "--dealloc", "no");

        var failure = act.Should().Throw<ProbeFailedException>().Which;
        failure.ExitCode.Should().Be(2);
        failure.Stderr.Should().Contain("--bytes").And.Contain("--pages");
    }

    [Theory]
    [InlineData("heap", "no", "\"heap\" is not one of purgeable|anonymous|malloc")]
    [InlineData("malloc", "yes", "unmaps part of the heap")]
    public void The_built_probe_refuses_memory_it_cannot_send_naming_the_value(string memory, string dealloc, string reason)
    {
        var act = () => ProbeRunner.Default().Run("ool-transfer", "--memory", memory, "--copy", "virtual", "--pages", "1", "--dealloc", dealloc);

        var failure = act.Should().Throw<ProbeFailedException>().Which;
        failure.ExitCode.Should().Be(2);
        failure.Stderr.Should().Contain("--memory").And.Contain(reason);
    }

    [SkippableFact]
    public void On_Linux_a_valid_ool_transfer_says_it_needs_XNU()
    {
        Skip.If(OperatingSystem.IsMacOS(), "on macOS the transfer runs");
        var act = () => ProbeRunner.Default().Run([.. OolCase.All[0].Scenario.Arguments]);

        var failure = act.Should().Throw<ProbeFailedException>().Which;
        failure.ExitCode.Should().Be(3, "exit 3 means a request this kernel cannot honour");
        failure.Stderr.Should().Contain("needs XNU");
    }
}
