// The two collections each start a service with its own PostgreSQL and a Chromium; on two cores they take turns.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
