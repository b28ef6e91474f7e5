using Spectre.Console.Cli;

namespace TorchFit.Cli;

/// <summary>
/// The smallest container Spectre.Console.Cli needs: registrations by service type (the last
/// one wins; <c>IEnumerable&lt;T&gt;</c> gets all of them) and constructor injection into commands.
/// </summary>
internal sealed class TypeRegistrar : ITypeRegistrar, ITypeResolver
{
    private readonly Dictionary<Type, List<Func<object>>> _registrations = [];

    public void Register(Type service, Type implementation) => Add(service, () => Create(implementation));

    public void RegisterInstance(Type service, object implementation) => Add(service, () => implementation);

    public void RegisterLazy(Type service, Func<object> factory) => Add(service, factory);

    public ITypeResolver Build() => this;

    public object? Resolve(Type? type)
    {
        if (type is null) return null;
        if (_registrations.TryGetValue(type, out var factories)) return factories[^1]();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            var element = type.GetGenericArguments()[0];
            var all = _registrations.TryGetValue(element, out var many) ? many.Select(f => f()).ToArray() : [];
            var typed = Array.CreateInstance(element, all.Length);
            Array.Copy(all, typed, all.Length);
            return typed;
        }
        return type.IsAbstract || type.IsInterface ? null : Create(type);
    }

    private void Add(Type service, Func<object> factory)
    {
        if (!_registrations.TryGetValue(service, out var factories)) _registrations[service] = factories = [];
        factories.Add(factory);
    }

    private object Create(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => Resolve(p.ParameterType)).ToArray();
        return constructor.Invoke(arguments);
    }
}
