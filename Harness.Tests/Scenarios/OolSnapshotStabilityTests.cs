using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Tests.Scenarios;

/// <summary>
/// The same kernel behaviour renders the same snapshot text, whatever ids the kernel reused and
/// whatever the receiver's layout: made-up runs that differ only there.
/// </summary>
public sealed class OolSnapshotStabilityTests
{
    const long Page = MadeUpRuns.PageSize;
    static readonly OolTransferScenario SmallDeallocated = new(MemoryKind.Anonymous, CopyOption.Virtual, OolSize.Pages(1), Dealloc: true);
    static readonly OolTransferScenario SmallKept = new(MemoryKind.Anonymous, CopyOption.Virtual, OolSize.Pages(1), Dealloc: false);

    [Theory]
    [InlineData(1UL, 1UL)]
    [InlineData(3UL, 9UL)]
    [InlineData(9UL, 3UL)]
    public void A_kernel_buffer_reception_after_deallocate_is_another_object_whatever_id_it_took(ulong senderObject, ulong receiverObject)
    {
        var reused = SmallDeallocated.Render(KernelBuffer(senderObject: 1, receiverObject: 1));

        var text = SmallDeallocated.Render(KernelBuffer(senderObject, receiverObject));

        text.Should().Be(reused, "the sender's object was freed at send, so the receiver's may take its id or another");
        text.Should().Contain("## Receiver: message 1 received").And.Contain("| object | B |").And.Contain("| bottom of the shadow chain | B |");
    }

    [Fact]
    public void An_object_handed_over_with_deallocate_keeps_its_letter_in_the_receiver()
    {
        var moved = MadeUpRuns.Transfer(16 * Page, receivedResident: 1, senderObject: 4, receiverObject: 4, dealloc: true);

        var text = new OolTransferScenario(MemoryKind.Anonymous, CopyOption.Virtual, OolSize.Pages(16), Dealloc: true).Render(moved);

        text.Should().Contain("| message 1 copy path | virtual: the sender's object, mapped |");
        Receiver(text).Should().Contain("| object | A |").And.NotContain("| object | B |");
    }

    [Fact]
    public void Without_deallocate_an_id_seen_in_both_tasks_is_one_object()
    {
        var text = SmallKept.Render(MadeUpRuns.Transfer(Page, receivedResident: 1, senderObject: 6, receiverObject: 6, receiverTag: MadeUpRuns.SendersTag));

        Receiver(text).Should().Contain("| object | A |");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 3)]
    public void A_reception_merged_with_a_neighbour_renders_without_the_neighbours_extent(int neighbourPages, int neighbourResident)
    {
        var alone = SmallKept.Render(Merged(neighbourPages: 1, neighbourResident: 0));

        var text = SmallKept.Render(Merged(neighbourPages, neighbourResident));

        text.Should().Be(alone, "what lies next to a reception depends on the receiver's layout, not on the kernel's copy");
        text.Should().Contain("| region holds the data only | no |")
            .And.Contain("| region | reaches past the data's pages: merged with a neighbour, bounds and counts left out |")
            .And.Contain("| payloads in the region (messages) | 1 |")
            .And.Contain("| user_tag (region-wide) | 0 |");
        Receiver(text).Should().NotContain("pages from buffer").And.NotContain("pages_resident");
    }

    [Fact]
    public void A_reception_that_is_its_datas_own_region_keeps_its_bounds_and_counts()
    {
        var text = SmallKept.Render(KernelBuffer(senderObject: 1, receiverObject: 2, dealloc: false));

        Receiver(text).Should().Contain("| region (pages from buffer) | 0..1 |").And.Contain("| pages_resident | 1 |").And.NotContain("reaches past");
    }

    [Fact]
    public void Two_receptions_merged_into_one_region_name_both_payloads()
    {
        var text = OolTransferScenario.TwoAdjacentReceptions.Render(TwoReceptionsMerged());

        text.Should().Contain("## Receiver: message 2 received");
        Section(text, "## Receiver: message 2 received").Should().Contain("| payloads in the region (messages) | 1, 2 |")
            .And.Contain("| object (region-wide) | B |");
        Section(text, "## Receiver: message 1 received").Should().Contain("| region (pages from buffer) | 0..1 |");
    }

    static OolTransferRun KernelBuffer(ulong senderObject, ulong receiverObject, bool dealloc = true) =>
        MadeUpRuns.Transfer(Page, receivedResident: 1, senderObject, receiverObject, receiverTag: 0, dealloc: dealloc);

    /// <summary>A kernel-buffer reception whose region begins some pages below its data, with some of them resident.</summary>
    static OolTransferRun Merged(int neighbourPages, int neighbourResident)
    {
        var run = KernelBuffer(senderObject: 1, receiverObject: 2, dealloc: false);
        var message = run.Receiver.Messages[0];
        var steps = message.Steps.Select(s => s with
        {
            Region = s.Region with
            {
                Start = s.Region.Start - (ulong)(neighbourPages * Page),
                PagesResident = s.Region.PagesResident + neighbourResident,
                PagesDirtied = s.Region.PagesDirtied + neighbourResident,
            },
        }).ToList();
        return run with { Receiver = run.Receiver with { Messages = [message with { RegionIsDataOnly = false, Steps = steps }] } };
    }

    /// <summary>Two one-page kernel-buffer receptions, the second extending the first's region (and object).</summary>
    static OolTransferRun TwoReceptionsMerged()
    {
        var run = KernelBuffer(senderObject: 1, receiverObject: 2, dealloc: false);
        var first = run.Receiver.Messages[0];
        var secondAddress = first.Descriptor.Address + (ulong)Page;
        var second = first with
        {
            Message = 2,
            Descriptor = first.Descriptor with { Address = secondAddress },
            RegionIsDataOnly = false,
            Steps = [.. first.Steps.Select(s => s with { Region = s.Region with { End = secondAddress + (ulong)Page } })],
        };
        var secondSender = run.Sender[0] with { Message = 2, Buffer = run.Sender[0].Buffer + (ulong)(4 * Page) };
        return run with { Messages = 2, Sender = [run.Sender[0], secondSender], Receiver = run.Receiver with { Messages = [first, second] } };
    }

    static string Receiver(string text) => text[text.IndexOf("## Receiver", StringComparison.Ordinal)..text.IndexOf("## Sender", StringComparison.Ordinal)];

    static string Section(string text, string heading)
    {
        var start = text.IndexOf(heading, StringComparison.Ordinal);
        var end = text.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }
}
