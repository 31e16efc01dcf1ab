using BpomBot.Host.Cli;

return await CliRoot.RunAsync(args);
