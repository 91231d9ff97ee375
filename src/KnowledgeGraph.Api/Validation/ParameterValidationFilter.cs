namespace KnowledgeGraph.Api.Validation;

/// <summary>The one validation place: checks every <see cref="IValidatedParameters"/> argument and answers 400 with all problems.</summary>
public sealed class ParameterValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new ParameterErrors();
        foreach (var argument in context.Arguments)
            if (argument is IValidatedParameters parameters) parameters.Validate(errors);
        if (errors.Any)
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request has invalid parameters",
                detail: "Every problem is listed under errors, by parameter.");
        return await next(context);
    }
}
