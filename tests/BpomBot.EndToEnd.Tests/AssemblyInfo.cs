// Each test class starts its own Azurite, bot and Playground; one at a time keeps a 2-core CI machine responsive.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
