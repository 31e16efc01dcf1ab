using BpomBot.Domain.Faq.Candidates;
using BpomBot.Domain.Faq.Tickets;
using BpomBot.Teams.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Faq;

public static class FaqChatServiceCollectionExtensions
{
    /// <summary>
    /// Registers the FAQ in chat: the free-text handler (just before help), feedback, "tanya petugas" and the
    /// contact-centre ticket buttons, and the learning loop (candidate variants, their review). Needs
    /// <see cref="IFaqCandidateRepository"/>, <see cref="Domain.Faq.FaqRetriever"/>, the FAQ ticket and feedback repositories,
    /// <see cref="Domain.Calendar.IWorkingDayCalendar"/> and <see cref="Domain.Organization.OfficeClock"/> from the host.
    /// </summary>
    public static IServiceCollection AddFaqChat(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<FaqChatOptions>().Bind(configuration.GetSection(FaqChatOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FaqChatOptions>, FaqChatOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FaqTicketDesk>();
        services.TryAddSingleton(sp => new FaqVariantIndex(
            sp.GetRequiredService<Domain.Faq.FaqRetriever>(), sp.GetRequiredService<IFaqCandidateRepository>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<FaqCandidateDesk>();
        services.TryAddScoped<FaqAccess>();
        services.TryAddScoped<FaqHandOff>();
        services.AddMessageHandler<FaqMessageHandler>();
        services.AddCardActionHandler<FaqFeedbackActionHandler>();
        services.AddCardActionHandler<FaqTopicActionHandler>();
        services.AddCardActionHandler<FaqAskOfficerActionHandler>();
        services.AddCardActionHandler<FaqTicketTakeActionHandler>();
        services.AddCardActionHandler<FaqTicketAnswerActionHandler>();
        services.AddCardActionHandler<FaqTicketCloseActionHandler>();
        services.AddCardActionHandler<FaqCandidateAcceptActionHandler>();
        services.AddCardActionHandler<FaqCandidateRejectActionHandler>();
        return services;
    }

    private sealed class FaqChatOptionsValidator : IValidateOptions<FaqChatOptions>
    {
        public ValidateOptionsResult Validate(string? name, FaqChatOptions options)
        {
            var failures = options.Validate().ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
