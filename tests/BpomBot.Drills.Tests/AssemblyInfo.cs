// The drills share one Azurite and start bot processes; one at a time keeps a 2-core CI machine responsive.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
