using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Pages;

/// <summary>A service with no claims yet: each list says that it is empty and what to do next, with a link to it.</summary>
public sealed class EmptyStatePageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Empty_queues_say_so_and_point_to_the_next_step()
    {
        var verifier = await PageBrowser.SignInAsync(fixture.App, Roles.Verifier);
        var queue = await verifier.HtmlAsync("/Verifier");
        queue.Should().Contain("暂无待审核的申请。").And.Contain("href=\"/Verifier?status=supplement_requested\"").And.Contain("href=\"/Verifier/Registers\"");
        queue.Should().Contain("申请共 <strong>0</strong> 件");
        (await verifier.HtmlAsync("/Verifier?status=rejected")).Should().Contain("暂无“已驳回”的申请。").And.Contain("href=\"/Verifier?status=\"");
        (await verifier.HtmlAsync("/Verifier?q=" + Uri.EscapeDataString("（2099）浙02民初1号"))).Should().Contain("没有与“（2099）浙02民初1号”相符的申请");

        var finance = await PageBrowser.SignInAsync(fixture.App, Roles.Finance);
        (await finance.HtmlAsync("/Finance")).Should().Contain("暂无待批准的申请。").And.Contain("href=\"/Finance/Payouts\"");
        (await finance.HtmlAsync("/Finance/Claims?status=paid")).Should().Contain("暂无“已拨付”的申请。").And.Contain("href=\"/Finance\"");

        var auditor = await PageBrowser.SignInAsync(fixture.App, Roles.Auditor);
        (await auditor.HtmlAsync("/Auditor")).Should().Contain("系统中还没有申请。");
    }
}
