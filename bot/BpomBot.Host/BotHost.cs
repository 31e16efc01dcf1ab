using BpomBot.Host.Faq;
using BpomBot.Host.Ingress;
using BpomBot.Host.Observability;
using BpomBot.Host.Workers;
using BpomBot.Storage;
using BpomBot.Teams.Conversation;
using BpomBot.Teams.Faq;
using BpomBot.Teams.Hosting;
using BpomBot.Teams.Rekap;
using BpomBot.Teams.Rekap.Tab;

namespace BpomBot.Host;

/// <summary>The composition root: builds the web application for `serve` and for tests.</summary>
public static class BotHost
{
    public static WebApplication Build(string[] args)
    {
        // appsettings.json ships next to bpombot.dll, so the content root is the app folder, not the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddBpomTableStorage(builder.Configuration); // first: its initializer creates the tables others read at start
        builder.Services.AddBpomDomain();
        builder.Services.AddFaq();
        builder.Services.AddBpomTeamsBot(builder.Configuration);
        builder.Services.AddBpomIngress(builder.Configuration); // Ingress:Mode=Queue: queue first (docs/ingress.md)
        builder.Services.AddFaqChat(builder.Configuration);
        builder.Services.AddBpomReminders(builder.Configuration);
        builder.Services.AddBpomAnnualCycle(builder.Configuration); // the national siklus tahunan (opens parts when due)
        builder.Services.AddBpomObservability(builder.Configuration);
        builder.Services.AddBpomHealth();
        builder.Services.AddBpomConversation();
        builder.Services.AddBpomRekap(builder.Configuration);

        var app = builder.Build();
        app.MapBotEndpoint();
        app.MapReminderTestHooks();
        app.MapBpomHealth();
        app.MapRekapEndpoints();
        app.MapRekapTab();
        return app;
    }
}
