using FluentAssertions;
using SubsidyService.Domain.Claims;

namespace SubsidyService.Domain.Tests.Claims;

public class StateMachineTests
{
    private enum Light { Off, On }

    private enum Press { Toggle }

    private enum Who { Anyone }

    [Fact]
    public void Guards_that_hold_together_are_a_configuration_error()
    {
        var m = new StateMachine<Light, Press, Who, int>();
        m.Configure(Light.Off)
            .PermitIf(Press.Toggle, Light.On, x => x > 0, "正数", Who.Anyone)
            .PermitIf(Press.Toggle, Light.Off, x => x > 1, "大于 1", Who.Anyone);

        m.Decide(Light.Off, Press.Toggle, Who.Anyone, 1).Target.Should().Be(Light.On);
        var act = () => m.Decide(Light.Off, Press.Toggle, Who.Anyone, 2);
        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void A_transition_without_roles_is_refused_at_configuration()
    {
        var m = new StateMachine<Light, Press, Who, int>();
        var act = () => m.Configure(Light.Off).Permit(Press.Toggle, Light.On);
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Reentry_keeps_the_state()
    {
        var m = new StateMachine<Light, Press, Who, int>();
        m.Configure(Light.On).PermitReentry(Press.Toggle, Who.Anyone);
        m.Decide(Light.On, Press.Toggle, Who.Anyone, 0).Target.Should().Be(Light.On);
        m.Transitions.Single().IsReentry.Should().BeTrue();
    }
}
